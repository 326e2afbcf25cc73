/**
 * Students' studies (class year, major, program) as their identity provider says them, kept from
 * contacts-service's profiles: cohort analytics filter by them; retention counts from the class
 * year.
 */
@NullMarked
package org.infointerview.interviews.student;

import org.jspecify.annotations.NullMarked;
