package org.infointerview.contacts.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which encoding a CSV file is in, from its first bytes: a byte order mark says so outright (UTF-8,
 * UTF-16LE, UTF-16BE); without one, alternating zero bytes mean UTF-16, bytes that decode as strict
 * UTF-8 mean UTF-8, and anything else is taken for Windows-1252, which is what spreadsheet programs
 * on Windows save as "CSV".
 *
 * @param charset the encoding
 * @param bomLength how many bytes of byte order mark to skip
 */
record TextEncoding(Charset charset, int bomLength) {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Thrown when the bytes are not text in any encoding we read. */
  static final class NotText extends Exception {
    NotText(String message) {
      super(message);
    }
  }

  static TextEncoding detect(byte[] sample, int length, boolean wholeFile) throws NotText {
    if (startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
      return new TextEncoding(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(sample, length, 0xFF, 0xFE)) {
      return new TextEncoding(StandardCharsets.UTF_16LE, 2);
    }
    if (startsWith(sample, length, 0xFE, 0xFF)) {
      return new TextEncoding(StandardCharsets.UTF_16BE, 2);
    }
    int zerosEven = 0;
    int zerosOdd = 0;
    for (int i = 0; i < length; i++) {
      if (sample[i] == 0) {
        if (i % 2 == 0) {
          zerosEven++;
        } else {
          zerosOdd++;
        }
      }
    }
    int pairs = Math.max(1, length / 2);
    if (zerosOdd > pairs / 3 && zerosEven < pairs / 20) {
      return new TextEncoding(StandardCharsets.UTF_16LE, 0);
    }
    if (zerosEven > pairs / 3 && zerosOdd < pairs / 20) {
      return new TextEncoding(StandardCharsets.UTF_16BE, 0);
    }
    if (zerosEven + zerosOdd > 0) {
      throw new NotText("the file contains binary data; upload a CSV file");
    }
    Charset charset = isUtf8(sample, length, wholeFile) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    if (controlCharacters(sample, length) * 100 > Math.max(length, 1)) {
      throw new NotText("the file contains binary data; upload a CSV file");
    }
    return new TextEncoding(charset, 0);
  }

  private static boolean isUtf8(byte[] sample, int length, boolean wholeFile) {
    int end = length;
    if (!wholeFile) {
      // The sample may end inside a character: drop an incomplete sequence at its end.
      int back = 0;
      while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0x80) {
        back++;
      }
      if (end - back - 1 >= 0 && (sample[end - back - 1] & 0xC0) == 0xC0) {
        end = end - back - 1;
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      decoder.decode(ByteBuffer.wrap(sample, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int controlCharacters(byte[] sample, int length) {
    int count = 0;
    for (int i = 0; i < length; i++) {
      int b = sample[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        count++;
      }
    }
    return count;
  }

  private static boolean startsWith(byte[] sample, int length, int... prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((sample[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  String name() {
    return charset.name() + (bomLength > 0 ? " (with BOM)" : "");
  }
}
