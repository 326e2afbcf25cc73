package org.infointerview.contacts.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Reads contacts; writes go through the outbox's aggregate store. */
interface ContactRepository extends Repository<Contact, String> {

  Optional<Contact> findById(String id);

  List<Contact> findByOwnerIdOrderByCreatedAtDesc(String ownerId, Pageable page);

  long countByOwnerId(String ownerId);
}
