package org.infointerview.interviews.sharing;

import java.io.IOException;
import java.util.Collection;
import org.infointerview.interviews.student.StudentRecords;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * In a person's export: who the student shares their interviews with (the reads of what they shared
 * are audit entries about them, in the export's audit file).
 */
@Component
class SharingPersonalData implements PersonalData, StudentRecords {

  private final Sharing sharing;

  SharingPersonalData(Sharing sharing) {
    this.sharing = sharing;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    archive.json("shares.json", sharing.mine(person));
  }

  @Override
  public void erase(String personId) {
    sharing.erase(personId);
  }

  @Override
  public String kind() {
    return "shares with advisors";
  }

  @Override
  public long countOf(Collection<String> studentIds) {
    return sharing.countOf(studentIds);
  }

  @Override
  public void removeOf(String studentId) {
    sharing.removeOf(studentId);
  }
}
