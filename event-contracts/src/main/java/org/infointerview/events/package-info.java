/**
 * The published language of InfoInterview: topics, the CloudEvents envelope and the catalogue of
 * event types. Payload records live in one package per producer. Values documented as optional may
 * be {@code null}; everything else is present.
 */
package org.infointerview.events;
