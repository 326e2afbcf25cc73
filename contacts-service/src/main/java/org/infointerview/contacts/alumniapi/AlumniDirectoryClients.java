package org.infointerview.contacts.alumniapi;

import org.springframework.stereotype.Component;

/** Opens clients for the alumni API; one per sync run. */
@Component
public class AlumniDirectoryClients {

  /** A client for this connection; the caller closes it. */
  public AlumniDirectoryClient open(AlumniDirectoryConnection connection) {
    return new MicronautAlumniDirectoryClient(connection);
  }
}
