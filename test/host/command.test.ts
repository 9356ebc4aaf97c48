/** The ribbon command: its report, its notice, when it completes; and the browser page's download name. */
import { commandReport } from "../../src/commands/summary";
import { COMMAND_MAX_WRITE_BYTES, noticeUrl, runCommand, showNotice } from "../../src/commands/command";
import { evaluateInContext } from "../../src/hosts/office";
import { district } from "../helpers/wire/district";
import { API_118, wireContext } from "../helpers/wire/harness";
import { runEvaluation } from "../../src/core/pipeline";
import { annotatedName } from "../../src/web/web-host";
import { gridFrom } from "../helpers/grids";

const run = runEvaluation([
  gridFrom("Xã", [
    ["Tên xã", "Số CBCC", "Số CBCC có máy vi tính", "Có đài truyền thanh xã"],
    ["Xã A", 20, 10, "Có"],
    ["Xã B", 20, 4, "có lẽ"],
  ]),
]);

describe("the ribbon's Đánh giá reports", () => {
  test("counts and where to look, in Vietnamese and English", () => {
    expect(commandReport({ run, skipped: [], requests: 3 }, "vi")).toBe(
      "TC8 đã đánh giá 2 xã; đạt TC8 NTM: 0; đạt TC8 NC: 0; thiếu dữ liệu: 1; vấn đề về dữ liệu: 1. Xem sheet Tổng hợp TC8 và cột Giải thích TC8.",
    );
    expect(commandReport({ run, skipped: [], requests: 3 }, "en")).toMatch(
      /^TC8 evaluated 2 communes; meeting TC8 NTM: 0; .*data problems: 1\. See the Tổng hợp TC8 sheet/,
    );
  });
  test("a refusal and a workbook without communes", () => {
    expect(commandReport({ refused: { reason: "sheetProtected", sheet: "Xã" }, skipped: [], requests: 2 }, "vi")).toBe(
      'Sheet "Xã" đang được bảo vệ: TC8 không thay đổi gì.',
    );
    const none = runEvaluation([gridFrom("S", [["Họ tên"], ["A"]])]);
    expect(commandReport({ run: none, skipped: [], requests: 2 }, "vi")).toMatch(/Không tìm thấy bảng danh sách xã/);
  });
});

describe("the browser page's download", () => {
  test("is named <name>.tc8.xlsx, once", () => {
    expect(annotatedName("so-lieu.xlsx")).toBe("so-lieu.tc8.xlsx");
    expect(annotatedName("so-lieu.tc8.xlsx")).toBe("so-lieu.tc8.xlsx");
  });
});

describe("the ribbon's Đánh giá waits for its notice", () => {
  const Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  };
  beforeAll(() => Object.assign(globalThis, { Office }));
  afterAll(() => delete (globalThis as { Office?: unknown }).Office);

  function fakeUi(opens: boolean) {
    const events: string[] = [];
    const handlers: Record<string, (arg: unknown) => void> = {};
    const ui = {
      displayDialogAsync: (url: string, _opts: unknown, cb: (r: unknown) => void) => {
        events.push(`open ${url}`);
        cb(
          opens
            ? {
                status: "succeeded",
                value: {
                  addEventHandler: (t: string, h: (a: unknown) => void) => (handlers[t] = h),
                  close: () => events.push("close"),
                },
              }
            : { status: "failed", error: { code: 12007 } },
        );
      },
    } as unknown as Parameters<typeof showNotice>[0];
    return { ui, events, handlers };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  test("its event completes only after the notice is closed, by its button or its ×", async () => {
    for (const how of ["button", "x"] as const) {
      const { ui, events, handlers } = fakeUi(true);
      const done = runCommand(
        { completed: () => events.push("completed") },
        {
          lang: "vi",
          evaluate: async () => ({ run, skipped: [], requests: 5 }),
          notify: (t) => showNotice(ui, noticeUrl("https://tc8.langson.example/addin/commands.html", t)),
        },
      );
      await tick();
      await tick();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatch(
        /^open https:\/\/tc8\.langson\.example\/addin\/notice\.html\?m=TC8\+%C4%91%C3%A3\+%C4%91%C3%A1nh\+gi%C3%A1\+2\+x%C3%A3/,
      );
      if (how === "button") handlers.dialogMessageReceived({ message: "close" });
      else handlers.dialogEventReceived({ error: 12006 });
      await done;
      expect(events.slice(1)).toEqual(how === "button" ? ["close", "completed"] : ["completed"]);
    }
  });

  test("a notice that cannot open, or an evaluation that fails, still completes the event", async () => {
    const { ui, events } = fakeUi(false);
    await runCommand(
      { completed: () => events.push("completed") },
      {
        lang: "en",
        evaluate: async () => Promise.reject(new Error("boom")),
        notify: (t) => showNotice(ui, noticeUrl("https://localhost:3000/commands.html", t)),
      },
    );
    expect(events).toEqual([`open https://localhost:3000/notice.html?m=Something+went+wrong%3A+boom`, "completed"]);
  });

  test("the notice's address keeps the deployment's path", () => {
    expect(noticeUrl("https://host/path/to/tc8/commands.html?_host_Info=Excel", "Xong")).toBe(
      "https://host/path/to/tc8/notice.html?m=Xong",
    );
  });

  test("an evaluation too large for the ribbon changes nothing and says to use the task pane", async () => {
    const x = district(65);
    const before = JSON.stringify(x.snapshot());
    const out = await evaluateInContext(wireContext(x), { lang: "vi" }, API_118, undefined, { maxWriteBytes: 100_000 });
    expect(out.tooLarge?.communes).toBe(65);
    expect(x.log.every((l) => !l.write)).toBe(true);
    expect(JSON.stringify(x.snapshot())).toBe(before);
    expect(commandReport(out, "vi")).toBe(
      "Sổ tính có 65 xã: quá lớn để đánh giá bằng nút Đánh giá trên dải băng (Excel chỉ cho nút này năm phút). TC8 chưa thay đổi gì. Hãy mở Bảng TC8 (nút bên cạnh) và bấm Đánh giá trong bảng.",
    );
    expect(commandReport({ ...out, tooLarge: { communes: 2000, bytes: 0 } }, "en")).toMatch(
      /^This workbook has 2,000 communes: too large .* Open the TC8 pane/,
    );
    // The ribbon's own limit lets a district of 200 communes through.
    const y = district(200);
    const ok = await evaluateInContext(wireContext(y), { lang: "vi" }, API_118, undefined, {
      maxWriteBytes: COMMAND_MAX_WRITE_BYTES,
    });
    expect(ok.tooLarge).toBeUndefined();
    expect(ok.skipped).toEqual([]);
  });
});
