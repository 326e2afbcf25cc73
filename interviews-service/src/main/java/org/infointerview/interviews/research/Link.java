package org.infointerview.interviews.research;

import org.jspecify.annotations.Nullable;

/** A page the student found useful. */
public record Link(String url, @Nullable String title) {}
