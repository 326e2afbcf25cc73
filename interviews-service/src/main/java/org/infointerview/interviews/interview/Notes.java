package org.infointerview.interviews.interview;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the student wrote during or right after the conversation: their own, shown to nobody else,
 * kept verbatim (markup included; the API returns it as JSON text, never renders it).
 *
 * @param mayContactAgain the answer to "may I contact you again?"; null when not asked
 */
public record Notes(
    @Nullable String learned,
    @Nullable String advice,
    @Nullable String stillWantToKnow,
    List<ActionItem> actionItems,
    @Nullable Boolean mayContactAgain,
    Instant updatedAt) {

  public Notes {
    actionItems = List.copyOf(actionItems);
  }

  /** How much text the notes hold, in characters. */
  int length() {
    int length = len(learned) + len(advice) + len(stillWantToKnow);
    for (ActionItem item : actionItems) {
      length += len(item.text());
    }
    return length;
  }

  private static int len(@Nullable String text) {
    return text == null ? 0 : text.length();
  }
}
