package org.infointerview.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class BodyErrorsTest {

  enum Channel {
    EMAIL,
    PHONE
  }

  record Slot(Integer minutes) {}

  record Request(
      String givenName,
      Integer graduationYear,
      List<String> emails,
      Channel channel,
      Boolean optedIn,
      List<Slot> slots) {}

  /** As the services read bodies: an unknown field is an error. */
  private final JsonMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Test
  void anUnknownFieldIsNamedWithTheFieldsThatExist() {
    assertThat(errorOf("{\"fullName\":\"Ada Lovelace\"}"))
        .isEqualTo(
            new FieldError(
                "fullName",
                "is not a field of this request; the fields are channel, emails, givenName,"
                    + " graduationYear, optedIn, slots"));
  }

  @Test
  void aValueOfTheWrongKindNamesItsFieldAndWhatItMustBe() {
    assertThat(errorOf("{\"graduationYear\":\"soon\"}"))
        .isEqualTo(new FieldError("graduationYear", "must be a whole number"));
    assertThat(errorOf("{\"emails\":{\"work\":\"ada@example.org\"}}"))
        .isEqualTo(new FieldError("emails", "must be a list"));
    assertThat(errorOf("{\"channel\":\"CARRIER_PIGEON\"}"))
        .isEqualTo(new FieldError("channel", "must be one of EMAIL, PHONE"));
    assertThat(errorOf("{\"optedIn\":[true]}"))
        .isEqualTo(new FieldError("optedIn", "must be true or false"));
    assertThat(errorOf("{\"givenName\":{\"first\":\"Ada\"}}"))
        .isEqualTo(new FieldError("givenName", "must be text"));
  }

  @Test
  void aFieldInsideAListIsNamedByItsPlace() {
    assertThat(errorOf("{\"slots\":[{\"minutes\":30},{\"minutes\":\"half an hour\"}]}"))
        .isEqualTo(new FieldError("slots[1].minutes", "must be a whole number"));
    assertThat(errorOf("{\"slots\":[{\"length\":30}]}").field()).isEqualTo("slots[0].length");
  }

  @Test
  void textThatIsNotJsonIsPlacedByLineAndColumnAndNamesNoField() {
    Throwable failure = failureOf("{\"givenName\": \"Ada\",\n \"emails\": [\"a\" \"b\"]}");

    assertThat(BodyErrors.fieldError(failure)).isEmpty();
    assertThat(BodyErrors.notJson(failure))
        .isEqualTo("The request body is not valid JSON at line 2, column 17.");
  }

  @Test
  void aFailureThatIsNotAboutJsonGetsTheGeneralSentence() {
    RuntimeException other = new IllegalStateException("stream closed");

    assertThat(BodyErrors.fieldError(other)).isEmpty();
    assertThat(BodyErrors.notJson(other))
        .isEqualTo("The request body is not valid JSON of the expected shape.");
  }

  private FieldError errorOf(String json) {
    return BodyErrors.fieldError(failureOf(json)).orElseThrow();
  }

  private Throwable failureOf(String json) {
    // Wrapped as Spring MVC hands it over: the Jackson failure is a cause.
    Throwable failure = catchThrowable(() -> mapper.readValue(json, Request.class));
    assertThat(failure).isNotNull();
    return new RuntimeException("I/O error while reading input message", failure);
  }
}
