package org.infointerview.contacts.search;

import jakarta.validation.Valid;
import java.util.List;
import org.infointerview.contacts.contact.ContactResponse;
import org.infointerview.support.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /contacts}: finding people, filtered and paged. */
@RestController
@RequestMapping("/contacts")
@Validated
class ContactSearchController {

  /** One page of search results. */
  record ContactPage(List<ContactResponse> items, int page, int size, boolean hasMore) {}

  private final ContactSearch search;

  ContactSearchController(ContactSearch search) {
    this.search = search;
  }

  /**
   * Search: a student's own contacts and the opted-in alumni and directory people (or only their
   * own with {@code scope=own}); an advisor the opted-in people; an admin every institution
   * contact.
   */
  @GetMapping
  @PreAuthorize("hasAnyRole('STUDENT', 'ADVISOR', 'ADMIN')")
  ContactPage search(CurrentUser viewer, @Valid ContactQuery query) {
    ContactSearch.Page page = search.search(viewer, query);
    return new ContactPage(
        page.items().stream().map(c -> ContactResponse.of(c, viewer)).toList(),
        page.page(),
        page.size(),
        page.hasMore());
  }
}
