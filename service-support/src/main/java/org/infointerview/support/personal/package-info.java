/**
 * A person's own data, as one archive per service ({@code GET /me/export}): each feature that keeps
 * something about a person says what ({@link PersonalData}); the archive is written from all of
 * them, with the audit entries about the person, and the gateway puts the services' archives
 * together.
 */
@NullMarked
package org.infointerview.support.personal;

import org.jspecify.annotations.NullMarked;
