package org.infointerview.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.infointerview.contacts.contact.ContactDraft;
import org.infointerview.contacts.contact.ContactDraftBuilder;
import org.infointerview.contacts.imports.RowMapper.ConsentCells;
import org.infointerview.contacts.imports.RowMapper.MappedRow;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  void batchesArriveInOrderAndTheLastOneMayBeShort() throws IOException {
    try (ReadAhead ahead = new ReadAhead(new Rows(7, -1), 3, ReadAheadTest::prepared)) {
      List<List<Long>> batches = new ArrayList<>();
      for (ReadAhead.Batch batch = ahead.next(); batch != null; batch = ahead.next()) {
        batch.rethrow();
        batches.add(batch.rows().stream().map(p -> p.row().number()).toList());
      }

      assertThat(batches).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
    }
  }

  @Test
  void aSourceThatFailsHandsOverTheRowsReadBeforeThenTheFailure() throws IOException {
    try (ReadAhead ahead = new ReadAhead(new Rows(10, 5), 3, ReadAheadTest::prepared)) {
      ReadAhead.Batch first = ahead.next();
      first.rethrow();
      ReadAhead.Batch second = ahead.next();

      assertThat(second.rows()).extracting(p -> p.row().number()).containsExactly(4L);
      assertThatThrownBy(second::rethrow).isInstanceOf(IOException.class).hasMessage("row 5");
    }
  }

  @Test
  void closingStopsAReaderThatWaitsForRoomWithoutReadingFurther() throws IOException {
    Rows endless = new Rows(Integer.MAX_VALUE, -1);
    Instant start = Instant.now();
    try (ReadAhead ahead = new ReadAhead(endless, 2, ReadAheadTest::prepared)) {
      assertThat(ahead.next().rows()).hasSize(2);
    }
    int readWhenClosed = endless.read.get();

    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(readWhenClosed)
        .as("two batches wait at most, plus the one being filled")
        .isLessThan(12);
    assertThat(endless.read.get()).isEqualTo(readWhenClosed);
  }

  private static ReadAhead.Prepared prepared(RowSource.Row row) {
    ContactDraft draft = ContactDraftBuilder.builder().build();
    return new ReadAhead.Prepared(
        new MappedRow(
            row.number(),
            draft,
            new ConsentCells(null, null, null, null),
            Set.of(),
            List.of(),
            false),
        null);
  }

  /** Numbered rows; row {@code failAt} throws instead. */
  private static final class Rows implements RowSource {
    private final int count;
    private final int failAt;
    private final AtomicInteger read = new AtomicInteger();

    Rows(int count, int failAt) {
      this.count = count;
      this.failAt = failAt;
    }

    @Override
    public List<String> headers() {
      return List.of("a");
    }

    @Override
    public Map<Integer, ImportTarget> targets() {
      return Map.of();
    }

    @Override
    public @Nullable Row next() throws IOException {
      int number = read.incrementAndGet();
      if (number == failAt) {
        throw new IOException("row " + number);
      }
      return number > count ? null : new Row(number, List.of("x"));
    }

    @Override
    public void close() {}
  }
}
