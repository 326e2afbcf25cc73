package org.infointerview.localrun;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows the mail the SMTP server received: {@code GET /messages} as JSON for tests and scripts,
 * {@code GET /messages/received} as one short line per mail (to, subject, Message-ID and when the
 * server took it, to the millisecond: for benchmarks), {@code DELETE /messages} empties every
 * mailbox, {@code GET /} as a page for people. Loopback only.
 */
final class MailViewer {

  private final HttpServer server;

  private MailViewer(HttpServer server) {
    this.server = server;
  }

  static MailViewer start(GreenMail mail, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      JsonMapper json = JsonMapper.builder().build();
      server.createContext(
          "/messages",
          exchange -> {
            if ("DELETE".equals(exchange.getRequestMethod())) {
              purge(mail);
              exchange.sendResponseHeaders(204, -1);
              exchange.close();
              return;
            }
            respond(exchange, "application/json", json.writeValueAsString(messages(mail)));
          });
      server.createContext(
          "/messages/received",
          exchange ->
              respond(exchange, "application/json", json.writeValueAsString(received(mail))));
      server.createContext("/", exchange -> respond(exchange, "text/html", page(messages(mail))));
      server.start();
      return new MailViewer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("The mail viewer could not listen on port " + port, e);
    }
  }

  void stop() {
    server.stop(0);
  }

  private static List<Map<String, Object>> messages(GreenMail mail) {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", addresses(message.getFrom()));
        m.put("to", addresses(message.getAllRecipients()));
        m.put("subject", message.getSubject());
        m.put(
            "sentAt",
            message.getSentDate() == null ? null : message.getSentDate().toInstant().toString());
        m.put("body", GreenMailUtil.getBody(message));
        messages.add(m);
      } catch (MessagingException e) {
        messages.add(Map.of("error", String.valueOf(e.getMessage())));
      }
    }
    return messages;
  }

  private static void purge(GreenMail mail) {
    try {
      mail.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("The mailboxes could not be emptied", e);
    }
  }

  private static List<Map<String, Object>> received(GreenMail mail) {
    List<Map<String, Object>> received = new ArrayList<>();
    for (StoredMessage stored : mail.getManagers().getImapHostManager().getAllMessages()) {
      try {
        MimeMessage message = stored.getMimeMessage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("to", addresses(message.getAllRecipients()));
        m.put("subject", message.getSubject());
        m.put("messageId", message.getMessageID());
        m.put("receivedAt", stored.getReceivedDate().toInstant().toString());
        received.add(m);
      } catch (MessagingException e) {
        received.add(Map.of("error", String.valueOf(e.getMessage())));
      }
    }
    return received;
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  private static String page(List<Map<String, Object>> messages) {
    StringBuilder html =
        new StringBuilder(
            "<!doctype html><meta charset=utf-8><title>InfoInterview local mail</title>"
                + "<h1>Mail received by the local SMTP server</h1>");
    if (messages.isEmpty()) {
      html.append("<p>No mail yet.</p>");
    }
    for (Map<String, Object> m : messages) {
      html.append("<article><h2>")
          .append(escape(String.valueOf(m.get("subject"))))
          .append("</h2><p>From ")
          .append(escape(String.valueOf(m.get("from"))))
          .append(" to ")
          .append(escape(String.valueOf(m.get("to"))))
          .append("</p><pre>")
          .append(escape(String.valueOf(m.get("body"))))
          .append("</pre></article>");
    }
    return html.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void respond(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
