package org.infointerview.interviews.contact;

import java.util.List;
import java.util.Optional;
import org.infointerview.support.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What other features of this service may ask about contacts: the read model kept from
 * contacts-service's events, so planning an interview works while contacts-service is down.
 */
@Component
public class Contacts {

  private final ContactSnapshots snapshots;

  Contacts(ContactSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  /**
   * The contact as it is now, whoever asks: for checking whether an interview's person may still be
   * asked (someone who withdrew their consent is no longer visible, but still known).
   */
  public Optional<ContactCard> find(String contactId) {
    return snapshots.find(contactId).map(ContactCard::of);
  }

  /** The contacts that are this signed-in person: requests to them are requests to this person. */
  public List<String> linkedTo(CurrentUser person) {
    return snapshots.linkedTo(person.id());
  }

  /** The contact as this viewer may see it; empty when unknown or not theirs to see. */
  public Optional<ContactCard> visibleTo(CurrentUser viewer, String contactId) {
    return snapshots.find(contactId).filter(s -> s.isVisibleTo(viewer)).map(ContactCard::of);
  }

  /** How many people of the institution's directory have volunteered (opted in) to be asked. */
  public long volunteers() {
    return snapshots.volunteers();
  }
}
