package org.infointerview.interviews.interview;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A next step the student took away, with the day it is due in their own calendar. */
public record ActionItem(String text, @Nullable LocalDate dueOn, boolean done) {}
