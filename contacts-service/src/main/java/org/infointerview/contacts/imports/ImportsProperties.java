package org.infointerview.contacts.imports;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param spoolDirectory where uploaded files wait for their job (deleted when it ends)
 * @param maxRows the most data rows one file may have
 * @param maxRowCharacters the longest a single row may be (an unbalanced quote is caught by it)
 * @param batchSize rows matched and written together
 * @param undoWindow how long after it ends an import can be undone
 * @param maxStoredProblems problems kept per import for its report (all are counted)
 * @param personalMaxRows the most data rows a student's own file may have
 * @param personalMaxRunning a student's own imports (and undos) under way at once
 * @param personalThreads students' own imports run at once on an instance, beside the directory's
 */
@ConfigurationProperties("infointerview.imports")
record ImportsProperties(
    @DefaultValue("${java.io.tmpdir}/infointerview-imports") Path spoolDirectory,
    @DefaultValue("1000000") int maxRows,
    @DefaultValue("65536") int maxRowCharacters,
    @DefaultValue("500") int batchSize,
    @DefaultValue("30d") Duration undoWindow,
    @DefaultValue("100000") int maxStoredProblems,
    @DefaultValue("10000") int personalMaxRows,
    @DefaultValue("1") int personalMaxRunning,
    @DefaultValue("2") int personalThreads) {}
