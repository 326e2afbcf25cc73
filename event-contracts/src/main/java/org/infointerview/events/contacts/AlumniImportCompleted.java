package org.infointerview.events.contacts;

import org.infointerview.events.IntegrationEvent;

/**
 * An alumni import finished (CSV upload or alumni database sync).
 *
 * @param importId the import job's id (also the event subject)
 * @param sourceName the mapping profile or directory it came from
 * @param rowsRead rows read
 * @param created contacts created
 * @param updated contacts updated
 * @param unchanged rows that changed nothing
 * @param failed rows rejected
 */
public record AlumniImportCompleted(
    String importId,
    String sourceName,
    long rowsRead,
    long created,
    long updated,
    long unchanged,
    long failed)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return importId;
  }
}
