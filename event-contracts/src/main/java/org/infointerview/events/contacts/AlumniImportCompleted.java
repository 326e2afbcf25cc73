package org.infointerview.events.contacts;

import org.infointerview.events.IntegrationEvent;

/**
 * An alumni import ended (CSV upload or alumni database sync): completed, cancelled or failed.
 *
 * @param importId the import job's id (also the event subject)
 * @param status COMPLETED, CANCELLED or FAILED
 * @param reportTo the admin to tell (who started it; for a scheduled sync, who last set it up);
 *     null when nobody can be named
 * @param failure why it failed, in plain words; null unless FAILED
 * @param sourceName the mapping profile or directory it came from
 * @param rowsRead rows read
 * @param created contacts created
 * @param updated contacts updated
 * @param unchanged rows that changed nothing
 * @param failed rows rejected
 */
public record AlumniImportCompleted(
    String importId,
    String status,
    String reportTo,
    String failure,
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
