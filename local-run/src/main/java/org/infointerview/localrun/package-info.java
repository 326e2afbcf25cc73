/**
 * The one-command local run: {@link org.infointerview.localrun.LocalRun} starts a real Kafka broker
 * in its own JVM, the dev infrastructure in its own (a MongoDB-compatible store on disk, an SMTP
 * server with a mail viewer, a dev OIDC provider with demo users), then every service in its own
 * JVM, waits on their health and stops them all on Ctrl-C.
 */
@NullMarked
package org.infointerview.localrun;

import org.jspecify.annotations.NullMarked;
