/**
 * The gateway: routes {@code /api/<service>/**} to each service, checks the bearer token before
 * anything reaches a service, and relays it (the services check it again).
 */
@NullMarked
package org.infointerview.gateway;

import org.jspecify.annotations.NullMarked;
