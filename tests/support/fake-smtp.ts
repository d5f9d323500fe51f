import net from "node:net";

export interface TReceivedMail {
  from: string;
  to: string[];
  /** the raw message as sent after DATA (headers and body) */
  data: string;
  auth: string | null;
}

/**
 * A tiny SMTP server for tests: enough of RFC 5321 for nodemailer (EHLO, AUTH PLAIN/LOGIN,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT), no TLS. Recipients matching `rejectRcpt` get a permanent
 * 550, so tests can make delivery fail for chosen addresses.
 */
export async function startFakeSmtp(opts: { rejectRcpt?: RegExp } = {}) {
  const received: TReceivedMail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let loginStep: null | "user" | "pass" = null;
    let loginUser = "";
    let current: TReceivedMail = { from: "", to: [], data: "", auth: null };
    let auth: string | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 fake-smtp ready");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          current.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push({ ...current, auth });
          current = { from: "", to: [], data: "", auth: null };
          reply("250 2.0.0 queued");
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (loginStep === "user") {
          loginUser = Buffer.from(line, "base64").toString();
          loginStep = "pass";
          reply(`334 ${Buffer.from("Password:").toString("base64")}`);
          continue;
        }
        if (loginStep === "pass") {
          auth = `${loginUser}:${Buffer.from(line, "base64").toString()}`;
          loginStep = null;
          reply("235 2.7.0 authenticated");
          continue;
        }
        const [verb, ...rest] = line.split(" ");
        const arg = rest.join(" ");
        switch (verb.toUpperCase()) {
          case "EHLO":
          case "HELO":
            socket.write("250-fake-smtp\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
            break;
          case "AUTH": {
            const [mech, initial] = arg.split(" ");
            if (mech.toUpperCase() === "PLAIN") {
              const [, user, pass] = Buffer.from(initial ?? "", "base64").toString().split("\0");
              auth = `${user}:${pass}`;
              reply("235 2.7.0 authenticated");
            } else {
              loginStep = "user";
              reply(`334 ${Buffer.from("Username:").toString("base64")}`);
            }
            break;
          }
          case "MAIL":
            current.from = /<([^>]*)>/.exec(arg)?.[1] ?? "";
            reply("250 2.1.0 ok");
            break;
          case "RCPT": {
            const to = /<([^>]*)>/.exec(arg)?.[1] ?? "";
            if (opts.rejectRcpt?.test(to)) reply(`550 5.1.1 <${to}>: mailbox unavailable`);
            else {
              current.to.push(to);
              reply("250 2.1.5 ok");
            }
            break;
          }
          case "DATA":
            inData = true;
            reply("354 end with <CRLF>.<CRLF>");
            break;
          case "RSET":
            current = { from: "", to: [], data: "", auth: null };
            reply("250 ok");
            break;
          case "NOOP":
            reply("250 ok");
            break;
          case "QUIT":
            reply("221 bye");
            socket.end();
            break;
          default:
            reply("502 5.5.2 command not implemented");
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    url: (user = "mailer", pass = "s3cret-pass") => `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
