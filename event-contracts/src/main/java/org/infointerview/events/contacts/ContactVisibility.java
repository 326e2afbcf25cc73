package org.infointerview.events.contacts;

import java.util.Set;

/**
 * Who may see a contact: the one rule that contacts-service and every read model of contacts apply,
 * decided from what the contact events carry, so no service answers the same question another way.
 * A student's own contact (owner set) is the owner's alone; an institution contact is seen by
 * admins, by the person linked to it, and by students and advisors while the person is reachable
 * (opted in, not do-not-contact). Alumni see only their own record.
 */
public final class ContactVisibility {

  /** The role names the rule knows, as the services' roles are named. */
  public static final String STUDENT = "STUDENT";

  public static final String ADVISOR = "ADVISOR";
  public static final String ADMIN = "ADMIN";

  private ContactVisibility() {}

  /**
   * @param ownerId the owning student of a personal contact, or null for an institution contact
   * @param linkedUserId the person an institution record is linked to, or null
   * @param optedIn whether the person opted in to being contacted
   * @param doNotContact whether the person must not be contacted
   * @param viewerId the viewer's user id ({@code issuer|subject})
   * @param viewerRoles the viewer's role names
   */
  public static boolean visible(
      String ownerId,
      String linkedUserId,
      boolean optedIn,
      boolean doNotContact,
      String viewerId,
      Set<String> viewerRoles) {
    if (ownerId != null) {
      return ownerId.equals(viewerId);
    }
    if (viewerRoles.contains(ADMIN) || viewerId.equals(linkedUserId)) {
      return true;
    }
    return (viewerRoles.contains(STUDENT) || viewerRoles.contains(ADVISOR))
        && optedIn
        && !doNotContact;
  }
}
