package org.infointerview.contacts.alumnisync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.infointerview.contacts.alumniapi.AlumniDirectoryClient;
import org.infointerview.contacts.alumniapi.AlumniPage;
import org.infointerview.contacts.alumniapi.AlumniRecord;
import org.infointerview.contacts.imports.ImportTarget;
import org.infointerview.contacts.imports.MappingProfile;
import org.infointerview.contacts.imports.RowSource;
import org.jspecify.annotations.Nullable;

/**
 * The alumni API's records as rows, fetched a page at a time as the import asks for them. A
 * profile's column headers name JSON paths ({@code firstName}, {@code employment.title}); the
 * record's {@code id} is always the alumni id. A record the database removed becomes a row that
 * only marks an existing person do-not-contact.
 */
final class AlumniApiRows implements RowSource {

  private final AlumniDirectoryClient client;
  private final @Nullable Instant updatedSince;
  private final Consumer<AlumniPage> pageRead;
  private final List<String> headers = new ArrayList<>();
  private final Map<Integer, ImportTarget> targets = new LinkedHashMap<>();
  private final int idColumn;
  private final int doNotContactColumn;
  private final boolean syntheticDoNotContact;
  private @Nullable String position;
  private boolean lastPage;
  private Iterator<AlumniRecord> records = Collections.emptyIterator();
  private long number;
  private @Nullable Instant newestChange;
  private final @Nullable Known known;
  private final Set<String> seen = new HashSet<>();
  private @Nullable Stream<String> knownIds;
  private @Nullable Iterator<String> unlisted;

  /**
   * @param known the alumni we have, when the run reads every record (to find those removed
   *     upstream without a trace); null for a run that reads changes only
   * @param pageRead told of each page as it arrives (its total, when the API says; that the run is
   *     alive)
   */
  AlumniApiRows(
      AlumniDirectoryClient client,
      MappingProfile profile,
      @Nullable Instant updatedSince,
      @Nullable Known known,
      Consumer<AlumniPage> pageRead) {
    this.client = client;
    this.known = known;
    this.updatedSince = updatedSince;
    this.pageRead = pageRead;
    int id;
    int doNotContact = -1;
    for (MappingProfile.ColumnMapping column : profile.columns()) {
      ImportTarget target = ImportTarget.byKey(column.target()).orElseThrow();
      if (target == ImportTarget.EXTERNAL_ALUMNI_ID) {
        continue;
      }
      if (target == ImportTarget.DO_NOT_CONTACT) {
        doNotContact = headers.size();
      }
      targets.put(headers.size(), target);
      headers.add(column.header().strip());
    }
    id = headers.size();
    targets.put(id, ImportTarget.EXTERNAL_ALUMNI_ID);
    headers.add("id");
    syntheticDoNotContact = doNotContact < 0;
    if (syntheticDoNotContact) {
      // Only removed records fill this column: a live record leaves do-not-contact as it is.
      doNotContact = headers.size();
      targets.put(doNotContact, ImportTarget.DO_NOT_CONTACT);
      headers.add("deleted");
    }
    this.idColumn = id;
    this.doNotContactColumn = doNotContact;
  }

  @Override
  public List<String> headers() {
    return headers;
  }

  @Override
  public Map<Integer, ImportTarget> targets() {
    return targets;
  }

  /**
   * The alumni this installation has from the database, for a run that reads every record: those
   * the listing leaves out were removed upstream.
   */
  interface Known {
    long count();

    /** Their alumni ids; closed with the rows. */
    Stream<String> ids();
  }

  /**
   * After the last page of a full listing, the people we have that it left out, each as a removed
   * record; unless the listing left out most of them, which says more about the API than about the
   * alumni.
   */
  private @Nullable Row notListed() {
    if (known == null) {
      return null;
    }
    if (unlisted == null) {
      long count = known.count();
      if (count > 0 && seen.size() < count / 2) {
        throw new IllegalStateException(
            "the alumni API listed "
                + seen.size()
                + " people but "
                + count
                + " are known here; the others were not marked do-not-contact. Check the API"
                + " and run again with full=true");
      }
      knownIds = known.ids();
      unlisted = knownIds.iterator();
    }
    while (unlisted.hasNext()) {
      String id = unlisted.next();
      if (!seen.contains(id)) {
        return removed(id);
      }
    }
    return null;
  }

  private Row removed(String id) {
    List<String> cells = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      cells.add("");
    }
    cells.set(doNotContactColumn, "yes");
    cells.set(idColumn, id);
    return new Row(++number, cells, true);
  }

  @Override
  public @Nullable Row next() {
    while (!records.hasNext()) {
      if (lastPage) {
        return notListed();
      }
      AlumniPage page = client.page(updatedSince, position);
      pageRead.accept(page);
      position = page.next();
      lastPage = position == null;
      records = page.records().iterator();
    }
    AlumniRecord record = records.next();
    if (known != null) {
      seen.add(record.id());
    }
    if (record.updatedAt() != null
        && (newestChange == null || record.updatedAt().isAfter(newestChange))) {
      newestChange = record.updatedAt();
    }
    List<String> cells = new ArrayList<>(headers.size());
    if (record.removed()) {
      for (int i = 0; i < headers.size(); i++) {
        cells.add("");
      }
      cells.set(doNotContactColumn, "yes");
    } else {
      Map<String, String> byPath = null;
      for (String header : headers) {
        String value = record.fields().get(header);
        if (value == null) {
          // Spelled with other capitals upstream? Looked up without case, only when needed.
          if (byPath == null) {
            byPath = new HashMap<>();
            for (Map.Entry<String, String> field : record.fields().entrySet()) {
              byPath.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
            }
          }
          value = byPath.getOrDefault(header.toLowerCase(Locale.ROOT), "");
        }
        cells.add(value);
      }
      if (syntheticDoNotContact) {
        cells.set(doNotContactColumn, "");
      }
    }
    cells.set(idColumn, record.id());
    return new Row(++number, cells, record.removed());
  }

  /** The latest change among the records read, where the next run can start. */
  @Nullable Instant newestChange() {
    return newestChange;
  }

  @Override
  public void close() {
    try {
      if (knownIds != null) {
        knownIds.close();
      }
    } finally {
      client.close();
    }
  }
}
