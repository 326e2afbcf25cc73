package org.infointerview.interviews.preparation;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The built-in questions, for anyone signed in (students pick from them, advisors show them). */
@RestController
class QuestionBankController {

  @GetMapping("/question-bank")
  List<QuestionBank.Question> questions() {
    return QuestionBank.all();
  }
}
