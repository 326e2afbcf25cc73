package org.infointerview.interviews.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerLinksTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final String INTERVIEW = "65c1a2b3c4d5e6f7a8b9c0d1";
  private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

  private final AnswerLinks links = links(SECRET);

  @Test
  void anIssuedTokenIsGenuineForItsLinkAndExpiresWhenConfigured() {
    AnswerLinks.Issued issued = links.issue(INTERVIEW, "c-1", NOW);

    AnswerLinks.Presented presented = AnswerLinks.read(issued.token()).orElseThrow();

    assertThat(presented.interviewId()).isEqualTo(INTERVIEW);
    assertThat(presented.tokenId()).isEqualTo(issued.link().tokenId());
    assertThat(issued.link().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
    assertThat(links.genuine(presented, issued.link())).isTrue();
    assertThat(issued.token()).matches("[A-Za-z0-9._-]+").hasSizeLessThan(120);
  }

  @Test
  void everyTokenIsNew() {
    assertThat(links.issue(INTERVIEW, "c-1", NOW).token())
        .isNotEqualTo(links.issue(INTERVIEW, "c-1", NOW).token());
  }

  @Test
  void aTokenChangedAnywhereOrSignedWithAnotherKeyOrForAnotherPersonIsNotGenuine() {
    AnswerLinks.Issued issued = links.issue(INTERVIEW, "c-1", NOW);
    String token = issued.token();

    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == '.') {
        continue;
      }
      char other = token.charAt(i) == 'a' ? 'b' : 'a';
      String changed = token.substring(0, i) + other + token.substring(i + 1);
      int at = i;
      AnswerLinks.read(changed)
          .ifPresent(
              presented ->
                  assertThat(
                          presented.interviewId().equals(INTERVIEW)
                              && links.genuine(presented, issued.link()))
                      .as("changed at %d: %s", at, changed)
                      .isFalse());
    }
    AnswerLinks.Presented presented = AnswerLinks.read(token).orElseThrow();
    assertThat(links(SECRET + "x").genuine(presented, issued.link())).isFalse();
    assertThat(
            links.genuine(
                presented,
                new AnswerLink(issued.link().tokenId(), "c-2", issued.link().expiresAt(), null)))
        .isFalse();
  }

  @Test
  void anotherSpellingOfTheSameSignatureBytesIsNotGenuine() {
    for (int i = 0; i < 50; i++) {
      AnswerLinks.Issued issued = links.issue(INTERVIEW, "c-1", NOW);
      String token = issued.token();
      char last = token.charAt(token.length() - 1);
      // The last of 43 Base64 characters carries 4 bits of the signature and 2 a decoder ignores.
      int value = ALPHABET.indexOf(last);
      String respelled = token.substring(0, token.length() - 1) + ALPHABET.charAt(value ^ 1);

      assertThat(links.genuine(AnswerLinks.read(respelled).orElseThrow(), issued.link()))
          .as(respelled)
          .isFalse();
    }
  }

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not-a-token",
        "65c1a2b3c4d5e6f7a8b9c0d1..1766332800.x",
        "../../interviews/65c1a2b3c4d5e6f7a8b9c0d1",
        "65C1A2B3C4D5E6F7A8B9C0D1.q3Jm0YtZkP8wVhXbN2cR7A.1766332800."
            + "Xw9V0mY4J4n1s8Qh6pGm2cT3kRzLbA7uE5yD0fH1iKo",
        "65c1a2b3c4d5e6f7a8b9c0d1.q3Jm0YtZkP8wVhXbN2cR7A.1766332800."
            + "Xw9V0mY4J4n1s8Qh6pGm2cT3kRzLbA7uE5yD0fH1iKo.extra",
        "65c1a2b3c4d5e6f7a8b9c0d1.q3Jm0YtZkP8wVhXbN2cR7A.99999999999999999999."
            + "Xw9V0mY4J4n1s8Qh6pGm2cT3kRzLbA7uE5yD0fH1iKo"
      })
  void whatIsNotShapedLikeATokenIsNotReadAtAll(String token) {
    assertThat(AnswerLinks.read(token)).isEmpty();
  }

  @Test
  void aShortSecretIsRefusedAtStartInPlainWords() {
    assertThatThrownBy(() -> links("too-short"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("INTERVIEWS_ANSWER_LINK_SECRET must be at least 32 characters");
  }

  @Test
  void withoutASecretAKeyIsMadeAtStartAndItsTokensWorkUntilRestart() {
    AnswerLinks made = links("");
    AnswerLinks.Issued issued = made.issue(INTERVIEW, "c-1", NOW);

    assertThat(made.genuine(AnswerLinks.read(issued.token()).orElseThrow(), issued.link()))
        .isTrue();
    assertThat(links("").genuine(AnswerLinks.read(issued.token()).orElseThrow(), issued.link()))
        .as("another start, another key")
        .isFalse();
  }

  private static AnswerLinks links(String secret) {
    return new AnswerLinks(
        new InterviewsProperties(
            "our university",
            Duration.ofDays(7),
            new InterviewsProperties.Links(secret, Duration.ofDays(14))));
  }
}
