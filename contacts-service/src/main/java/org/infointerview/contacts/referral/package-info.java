/** Referrals noted in interviews become contacts of the student who was referred. */
@NullMarked
package org.infointerview.contacts.referral;

import org.jspecify.annotations.NullMarked;
