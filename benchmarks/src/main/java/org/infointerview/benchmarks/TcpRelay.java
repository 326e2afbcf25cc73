package org.infointerview.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A bare TCP relay in front of a service: every byte passed on as it comes, with no HTTP work at
 * all. A request through it pays only for one more hop on this machine (two more trips over
 * loopback and the wake-ups of the threads that carry them), the least any proxy, the gateway
 * included, can add.
 */
final class TcpRelay implements AutoCloseable {

  private static final int BUFFER = 16 * 1024;

  private final ServerSocket listener;
  private final InetSocketAddress target;

  private TcpRelay(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** Listens on a free loopback port and relays every connection to the target. */
  static TcpRelay to(int targetPort) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    TcpRelay relay =
        new TcpRelay(
            new ServerSocket(0, 50, loopback), new InetSocketAddress(loopback, targetPort));
    Thread acceptor = new Thread(relay::accept, "relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return relay;
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // the listener closed
      }
      Socket service = new Socket();
      try {
        service.connect(target);
        client.setTcpNoDelay(true);
        service.setTcpNoDelay(true);
        pipe(client, service, "relay-up");
        pipe(service, client, "relay-down");
      } catch (IOException e) {
        // the service refused this one connection: the client sees it closed
        closeQuietly(client);
        closeQuietly(service);
      }
    }
  }

  /** Copies one direction on a thread of its own; the end of either side closes both. */
  private static void pipe(Socket from, Socket to, String name) {
    Thread copier =
        new Thread(
            () -> {
              byte[] buffer = new byte[BUFFER];
              try (from;
                  to) {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  out.write(buffer, 0, n);
                }
              } catch (IOException e) {
                // the other direction closed the sockets
              }
            },
            name);
    copier.setDaemon(true);
    copier.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing what already failed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
