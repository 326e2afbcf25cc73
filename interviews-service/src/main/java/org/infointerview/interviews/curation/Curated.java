package org.infointerview.interviews.curation;

/** Something the career center curates: kept with a version, retired rather than removed. */
public interface Curated {

  String id();

  /** No longer offered; kept for the record and can be offered again. */
  boolean retired();

  /** The version a reader gets as its ETag. */
  long currentVersion();
}
