package org.infointerview.interviews.outreach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.infointerview.support.validation.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * A template as staff write it.
 *
 * @param name what students choose it by, such as "Alumni, first contact"
 * @param body the text with merge fields such as {@code {{contactName}}}
 * @param retired on a change: whether it is no longer offered (false when left out)
 */
record TemplateRequest(
    @NotNull TemplateKind kind,
    @NotBlank @Size(max = 80) @PlainText String name,
    @NotBlank @Size(max = 4000) @PlainText(lines = true) String body,
    @Nullable Boolean retired) {}
