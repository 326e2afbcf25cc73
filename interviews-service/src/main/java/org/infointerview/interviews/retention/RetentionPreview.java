package org.infointerview.interviews.retention;

import java.util.List;
import java.util.Map;
import org.infointerview.interviews.student.Students;

/**
 * What a retention run removes (the dry run), or removed.
 *
 * @param years kept after the class year, as asked
 * @param setting what the schedule uses (0: off)
 * @param graduatedBy the latest class year whose students' records go
 * @param students how many students that is
 * @param records how many of each kind go
 * @param byClassYear students by class year
 * @param listed the first {@value Retention#MOST_LISTED} of them
 */
record RetentionPreview(
    int years,
    int setting,
    int graduatedBy,
    long students,
    Map<String, Long> records,
    Map<Integer, Long> byClassYear,
    List<Students.Graduate> listed) {}
