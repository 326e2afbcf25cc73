package org.infointerview.contacts.imports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.infointerview.contacts.contact.ContactRules;
import org.infointerview.contacts.imports.RowMapper.MappedRow;
import org.jspecify.annotations.Nullable;

/**
 * Reads, maps and checks the next rows on a thread of its own while the importer writes the current
 * batch, so the work on the rows overlaps with the store's. At most two batches wait; a source that
 * fails hands over the rows it read before the failure, then the failure.
 */
final class ReadAhead implements AutoCloseable {

  /** A row as mapped, and its check as a new contact (none for a row that may only update). */
  record Prepared(MappedRow row, ContactRules.@Nullable Checked checked) {}

  /** Rows in file order, and the failure that ended the reading after them, if one did. */
  record Batch(List<Prepared> rows, @Nullable Throwable failure) {

    /** Throws the failure that ended the reading, once the rows before it are stored. */
    void rethrow() throws IOException {
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new IOException(failure);
      }
    }
  }

  private static final Batch END = new Batch(List.of(), null);
  private static final long STOP_WAIT_SECONDS = 30;

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
  private final RowSource source;
  private final int batchSize;
  private final Function<RowSource.Row, Prepared> prepare;
  private final Thread reader;
  private volatile boolean stopped;

  ReadAhead(RowSource source, int batchSize, Function<RowSource.Row, Prepared> prepare) {
    this.source = source;
    this.batchSize = batchSize;
    this.prepare = prepare;
    this.reader = new Thread(this::read, Thread.currentThread().getName() + "-read-ahead");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    List<Prepared> batch = new ArrayList<>(batchSize);
    try {
      for (RowSource.Row row = source.next(); row != null && !stopped; row = source.next()) {
        batch.add(prepare.apply(row));
        if (batch.size() == batchSize) {
          queue.put(new Batch(batch, null));
          batch = new ArrayList<>(batchSize);
        }
      }
      queue.put(new Batch(batch, null));
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      try {
        queue.put(new Batch(batch, e));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next batch, waiting for it; null after the last. */
  @Nullable Batch next() throws InterruptedIOException {
    try {
      Batch batch = queue.take();
      return batch == END ? null : batch;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the import was interrupted");
    }
  }

  /** Stops reading and waits for the reader to let go of the source, so it can be closed. */
  @Override
  public void close() {
    stopped = true;
    reader.interrupt();
    queue.clear();
    try {
      reader.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
