package org.infointerview.contacts.careerfield;

import org.infointerview.contacts.careerfield.CareerFieldCatalog.Kind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the taxonomy. A retired entry is no longer offered for new values; contacts that
 * carry it keep it.
 */
@Document("career_fields")
record CareerField(@Id String code, String name, Kind kind, boolean retired) {}
