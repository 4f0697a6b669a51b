// The security suite's cases for accounts and tenancy, against the production server: the auth
// library's own endpoints, forwarded addresses, the simulator across families, hostile bodies
// measured on the server's memory, roles and account deletion.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import { hashPassword } from "better-auth/crypto";
import { expect, test } from "./fixtures";
import { e2eServer } from "./server";

test.use({ locale: "en-US" });

/** A loopback address of its own per test, so its attempts count against no other test's address. */
const ownAddress = () =>
  `127.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

type Reply = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** A request from `localAddress` (the TCP peer the server sees), with any headers the client likes. */
function send(options: {
  path: string;
  method?: string;
  localAddress: string;
  headers?: Record<string, string>;
  body?: string | AsyncIterable<Buffer>;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "localhost",
        port: e2eServer.port,
        path: options.path,
        method: options.method ?? "POST",
        localAddress: options.localAddress,
        family: 4,
        headers: options.headers,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    if (typeof options.body === "string" || options.body === undefined) {
      request.end(options.body);
    } else {
      const source = options.body;
      void (async () => {
        try {
          for await (const chunk of source) if (!request.write(chunk)) await new Promise((drained) => request.once("drain", drained));
          request.end();
        } catch {
          // The server answered and closed before the whole body was sent: that is the point.
        }
      })();
      request.on("response", () => undefined);
    }
  });
}

const authApi = (path: string, body: unknown, localAddress: string, headers: Record<string, string> = {}) =>
  send({
    path: `/api/auth${path}`,
    localAddress,
    headers: { "content-type": "application/json", origin: e2eServer.baseUrl, ...headers },
    body: JSON.stringify(body),
  });

test("the auth API obeys the app's limits: wrong passwords from rotating X-Forwarded-For lock the email, even for the right one", async () => {
  const email = `${randomUUID()}@example.test`;
  const password = "correct horse battery";
  expect((await authApi("/sign-up/email", { name: "Ana", email, password }, ownAddress())).status).toBe(200);
  const attacker = ownAddress();
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    statuses.push(
      (await authApi("/sign-in/email", { email, password: `wrong guess ${i}` }, attacker, { "x-forwarded-for": `198.51.100.${i}` })).status,
    );
  }
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
  // The right password, from yet another address, is refused while the lock lasts.
  const right = await authApi("/sign-in/email", { email, password }, ownAddress());
  expect(right.status).toBe(429);
  expect(right.headers["set-cookie"] ?? []).toEqual([]);
});

test("the auth API refuses the passwords the sign-up form refuses", async ({ db }) => {
  for (const weak of ["aaaaaaaaaa", "1234567890", "password123"]) {
    const email = `${randomUUID()}@example.test`;
    const response = await authApi("/sign-up/email", { name: "Ana", email, password: weak }, ownAddress());
    expect(response.status, weak).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ code: "INVALID_INPUT", messageKey: "password.weak" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  }
});

test("a client's own X-Forwarded-For buys no new attempts: the per-address limit counts the TCP peer", async () => {
  const peer = ownAddress();
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    statuses.push(
      (
        await authApi("/sign-in/email", { email: `${randomUUID()}@example.test`, password: "some password here" }, peer, {
          "x-forwarded-for": `203.0.113.${i}, 10.0.0.${i}`,
        })
      ).status,
    );
  }
  expect(statuses.at(-1)).toBe(429);
});

/** The process listening on the server's port: from the kernel's socket tables, whose inode one of its descriptors points at. */
function serverPid(): string {
  const hexPort = e2eServer.port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      // local_address ends with :PORT, state 0A is LISTEN, column 9 is the inode.
      if (columns[1]?.endsWith(`:${hexPort}`) && columns[3] === "0A") inodes.add(columns[9]!);
    }
  }
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let descriptors: string[] = [];
    try {
      descriptors = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of descriptors) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(target.match(/^socket:\[(\d+)\]$/)?.[1] ?? "")) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  throw new Error(`no process listens on port ${e2eServer.port}`);
}

/** The server process's resident memory, from the kernel. */
function serverRssBytes(pid: string): number {
  const kilobytes = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)?.[1];
  return Number(kilobytes) * 1024;
}

test("an unsigned 150 MB chunked webhook is refused at the cap: the server's memory does not grow with it", async () => {
  const pid = serverPid();
  const before = serverRssBytes(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, serverRssBytes(pid))), 20);
  const chunk = Buffer.alloc(256 * 1024, "x");
  async function* hugeBody() {
    for (let sent = 0; sent < 150 * 1024 * 1024; sent += chunk.length) yield chunk;
  }
  try {
    const response = await send({
      path: "/api/twilio/sms",
      localAddress: ownAddress(),
      headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
      body: hugeBody(),
    });
    expect(response.status).toBe(413);
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, serverRssBytes(pid));
  // Buffering the body whole grew it by about 440 MB; reading to the cap only, by next to nothing.
  expect(peak - before).toBeLessThan(64 * 1024 * 1024);
});

/** The id the production build gave the sign-in form's action (its manifest lists every action). */
async function signInActionId(): Promise<string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === "signInAction")?.[0];
  if (!id) throw new Error("signInAction is not in the build's manifest");
  return id;
}

test("malformed server-action bodies get a 400, never a 500", async () => {
  const address = ownAddress();
  const cases: [string, Record<string, string>, string][] = [
    [
      "broken multipart",
      { "content-type": "multipart/form-data; boundary=zz" },
      '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1',
    ],
    [
      "no arguments",
      { "content-type": "multipart/form-data; boundary=zz" },
      '--zz\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n--zz--\r\n',
    ],
    [
      "arguments that are not a list",
      { "content-type": "multipart/form-data; boundary=zz" },
      '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n{"a":1}\r\n--zz--\r\n',
    ],
    ["not a form at all", { "content-type": "text/plain;charset=UTF-8" }, '["$K1"'],
  ];
  for (const [label, headers, body] of cases) {
    const response = await send({
      path: "/sign-in",
      localAddress: address,
      headers: { ...headers, "next-action": "7f".padEnd(42, "0"), origin: e2eServer.baseUrl },
      body,
    });
    expect(response.status, label).toBe(400);
  }
  // Well-formed, but no form where the sign-in action expects one: its own parsing answers.
  const noForm = await send({
    path: "/sign-in",
    localAddress: address,
    headers: { "content-type": "text/plain;charset=UTF-8", "next-action": await signInActionId(), origin: e2eServer.baseUrl },
    body: '["$undefined","$undefined"]',
  });
  expect(noForm.status).toBe(200);
  const oversized = await send({
    path: "/sign-in",
    localAddress: address,
    headers: { "content-type": "multipart/form-data; boundary=zz", "next-action": "7f".padEnd(42, "0") },
    body: "x".repeat(600 * 1024),
  });
  expect(oversized.status).toBe(413);
});

test("the simulator refuses a reply from a number another family holds; that family's check-in stays unanswered", async ({
  page,
  context,
  seedFamily,
  logIn,
  db,
}) => {
  const shared = `+5255${String(Date.now()).slice(-8)}`;
  const theirs = await seedFamily({ name: "Theirs Family", locale: "en" });
  const mine = await seedFamily({ name: "Mine Family", locale: "en" });
  for (const family of [theirs, mine]) {
    const person = await db.person.create({
      data: { familyId: family.id, name: family === mine ? "Leo" : "Theirs Person", phone: shared, locale: "en" },
    });
    const message = await db.outboundMessage.create({
      data: {
        familyId: family.id,
        channel: "sms",
        to: shared,
        body: `Test of the ${family.name} plan`,
        locale: "en",
        purpose: "test_check_in",
        provider: "simulator",
        status: "delivered",
        segments: 1,
      },
    });
    await db.checkIn.create({
      data: { familyId: family.id, kind: "test", personId: person.id, phone: shared, channel: "sms", messageId: message.id },
    });
  }
  await logIn(context, mine.owner.id);
  await page.goto("/simulator");
  const phone = page.locator(`[data-phone="${shared}"]`);
  await expect(phone).toHaveCount(1);
  await expect(page.getByText("Test of the Theirs Family plan")).toHaveCount(0);
  await phone.getByLabel("Reply as Leo").fill("OK");
  await phone.getByRole("button", { name: "Send" }).click();
  await expect(phone.getByRole("alert")).toHaveText(
    "This number is also in another plan, so the simulator cannot answer for it: a reply could reach someone else.",
  );
  expect(await db.checkIn.count({ where: { phone: shared, repliedAt: { not: null } } })).toBe(0);
});

test("an admin makes a member admin, the member leaves, and the last adult is told to delete instead", async ({
  page,
  context,
  seedFamily,
  seedAdult,
  logIn,
  openBrowser,
  db,
}) => {
  const family = await seedFamily({ name: "Roles Family", locale: "en" });
  const member = await seedAdult("Marta Member");
  await db.membership.create({ data: { familyId: family.id, userId: member.id, role: "member" } });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}`);
  // The only admin cannot step down.
  const own = page.getByTestId("members").getByRole("listitem", { name: "Owner Adult" });
  await own.getByLabel("Role of Owner Adult").selectOption("member");
  await own.getByRole("button", { name: "Change role" }).click();
  await expect(own.getByRole("alert")).toHaveText("A family needs an admin: make another adult admin first.");
  const marta = page.getByTestId("members").getByRole("listitem", { name: "Marta Member" });
  await marta.getByLabel("Role of Marta Member").selectOption("admin");
  await marta.getByRole("button", { name: "Change role" }).click();
  await expect(marta.getByTestId("member-role")).toHaveText("Admin");

  // Marta leaves.
  const martaPage = await openBrowser({ locale: "en-US" });
  await logIn(martaPage.context(), member.id);
  await martaPage.goto(`/family/${family.id}`);
  martaPage.once("dialog", (dialog) => void dialog.accept());
  await martaPage.getByRole("button", { name: "Leave this family" }).click();
  await expect(martaPage).toHaveURL(/\/$|\/onboarding$/);
  expect(await db.membership.count({ where: { familyId: family.id, userId: member.id } })).toBe(0);

  // The owner, now alone, is sent to delete the family instead.
  await page.reload();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Leave this family" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You are the only adult" })).toHaveText(
    "You are the only adult in this family. To go, delete the family in its settings.",
  );
});

test("an adult deletes their account with their password; the family they were alone in goes with it", async ({
  page,
  context,
  seedFamily,
  logIn,
  db,
}) => {
  const family = await seedFamily({ name: "Solo Family", locale: "en" });
  await db.account.create({
    data: {
      id: randomUUID(),
      accountId: family.owner.id,
      providerId: "credential",
      userId: family.owner.id,
      password: await hashPassword("my own long phrase"),
    },
  });
  await logIn(context, family.owner.id);
  await page.goto("/account");
  await expect(page.getByText("You are the only adult of Solo Family")).toBeVisible();
  await page.getByLabel("Your password").fill("not my password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByLabel("Your password")).toHaveAccessibleDescription("This is not your password.");
  await page.getByLabel("Your password").fill("my own long phrase");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$|\/sign-in/);
  expect(await db.user.count({ where: { id: family.owner.id } })).toBe(0);
  expect(await db.family.count({ where: { id: family.id } })).toBe(0);
});
