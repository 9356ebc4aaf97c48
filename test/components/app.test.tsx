/**
 * @jest-environment jsdom
 */
/** The task pane's components with @testing-library/react: the flow a user goes through. */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { paneResult, type PaneHost, type Stage } from "../../src/taskpane/host";
import { runEvaluation } from "../../src/core/pipeline";
import { gridFrom } from "../helpers/grids";
import type { Lang } from "../../src/core/ruleset/types";

const GRIDS = [
  gridFrom("Xã", [
    ["Tên xã", "Khu vực", "Số CBCC", "Số CBCC có máy vi tính", "Có đài truyền thanh xã", "Cột lạ"],
    ["Xã Tân Thành", "Miền núi", 20, 10, "Có", "?"],
    ["Xã Hồng Phong", "Miền núi", 20, 9, "có lẽ", "?"],
  ]),
];

function fakeHost() {
  let release: () => void = () => undefined;
  const calls: { evaluate: unknown[]; select: string[]; clear: boolean[] } = { evaluate: [], select: [], clear: [] };
  const host: PaneHost = {
    kind: "excel",
    async evaluate(req, onStage: (s: Stage) => void) {
      calls.evaluate.push(req);
      onStage("reading");
      await new Promise<void>((r) => (release = r));
      onStage("evaluating");
      const run = runEvaluation(GRIDS, { levels: req.levels, lang: req.lang, mapping: req.mapping });
      onStage("writing");
      return paneResult(run, { skipped: ["notes"] });
    },
    async clear(removeChecklist) {
      calls.clear.push(removeChecklist);
      return {};
    },
    async template() {
      return { sheets: ["Danh sách xã", "Thôn, bản", "Điểm phục vụ bưu chính"] };
    },
    async select(cell) {
      calls.select.push(cell);
    },
  };
  return { host, calls, release: () => release() };
}

function renderApp(host: PaneHost, lang: Lang = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} />
    </FluentProvider>,
  );
}

async function evaluateNow(f: ReturnType<typeof fakeHost>, name: RegExp | string) {
  fireEvent.click(screen.getByRole("button", { name }));
  await screen.findByRole("progressbar");
  await act(async () => f.release());
}

// Role queries over Fluent UI's DOM are slow in jsdom; the flows are not.
jest.setTimeout(60_000);

describe("task pane", () => {
  test("Evaluate shows progress with its stage, then the summary, the communes and the problems", async () => {
    const f = fakeHost();
    renderApp(f.host);
    fireEvent.click(screen.getByRole("button", { name: "Đánh giá" }));
    expect(await screen.findByRole("progressbar", { name: "Đang đọc dữ liệu" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Đang đánh giá…" }).hasAttribute("disabled")).toBe(true);
    await act(async () => f.release());
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect(f.calls.evaluate).toEqual([{ levels: ["ntm", "nc"], lang: "vi" }]);
    // Summary: communes passing each indicator and level.
    const summary = screen.getByRole("table", { name: "Tổng hợp" });
    const row = within(summary).getByRole("row", { name: /^8\.4 NTM 0/ });
    expect(row.textContent).toBe("8.4 NTM0/2");
    // "NC" is spelled out for whoever meets it first here.
    expect(within(summary).getByRole("row", { name: /^8\.4 NTM nâng cao/ })).toBeTruthy();
    // Communes with their badges.
    expect(screen.getByRole("button", { name: /Xã Tân Thành/ })).toBeTruthy();
    expect(screen.getAllByLabelText("NTM: Không đạt").length).toBeGreaterThan(0);
    // The notes skip is said.
    expect(screen.getByText(/chưa hỗ trợ ghi chú/)).toBeTruthy();
    // Problems: the unreadable yes/no, with its cell.
    const problems = screen.getByRole("region", { name: "Vấn đề về dữ liệu" });
    expect(
      within(problems).getByRole("button", {
        name: 'Ô E3 của sheet Xã: Có đài truyền thanh xã ghi "có lẽ", không phải Có hoặc Không',
      }),
    ).toBeTruthy();
  });

  test("a condition and a problem select their cells", async () => {
    const f = fakeHost();
    renderApp(f.host);
    await evaluateNow(f, "Đánh giá");
    fireEvent.click(await screen.findByRole("button", { name: /Xã Hồng Phong/ }));
    const cond = await screen.findByRole("button", {
      name: "8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: 9/20 CBCC có máy vi tính = 45%, chưa đạt yêu cầu tối thiểu 50%",
    });
    fireEvent.click(cond);
    expect(f.calls.select).toEqual(["'Xã'!D3"]);
    fireEvent.click(screen.getByRole("button", { name: /^Ô E3 của sheet Xã:/ }));
    expect(f.calls.select).toEqual(["'Xã'!D3", "'Xã'!E3"]);
  });

  test("the level choice is sent to the host", async () => {
    const f = fakeHost();
    renderApp(f.host);
    fireEvent.click(screen.getByRole("radio", { name: "Xã NTM" }));
    await evaluateNow(f, "Đánh giá");
    expect(f.calls.evaluate[0]).toMatchObject({ levels: ["ntm"] });
    await screen.findByRole("table", { name: "Tổng hợp" });
    expect(screen.queryByText("TC8 NTM nâng cao")).toBeNull();
  });

  test("the mapping editor shows what each column was matched to, and applies a change", async () => {
    const f = fakeHost();
    renderApp(f.host);
    await evaluateNow(f, "Đánh giá");
    // Collapsed until asked for.
    fireEvent.click(await screen.findByRole("button", { name: "Ghép cột" }));
    const mapping = await screen.findByRole("region", { name: "Ghép cột" });
    const odd = within(mapping).getByRole("combobox", { name: "Cột lạ" });
    expect(odd.textContent).toBe("(bỏ qua cột này)");
    expect(within(mapping).getByRole("combobox", { name: "Số CBCC" }).textContent).toBe("Số cán bộ, công chức xã");
    const apply = within(mapping).getByRole("button", { name: "Áp dụng và đánh giá lại" });
    expect(apply.hasAttribute("disabled")).toBe(true);
    fireEvent.click(odd);
    fireEvent.click(await screen.findByRole("option", { name: "Số tin, bài tự sản xuất/tuần" }));
    expect(apply.hasAttribute("disabled")).toBe(false);
    fireEvent.click(apply);
    await screen.findByRole("progressbar");
    await act(async () => f.release());
    expect(f.calls.evaluate[1]).toMatchObject({ mapping: { Xã: { cotla: "radio_news_per_week" } } });
  });

  test("Clear results asks first, and keeps the checklist unless asked", async () => {
    const f = fakeHost();
    renderApp(f.host);
    fireEvent.click(screen.getByRole("button", { name: "Xóa kết quả" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Xóa kết quả đánh giá?")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("checkbox"));
    fireEvent.click(within(dialog).getByRole("button", { name: "Xóa kết quả" }));
    await screen.findByText("Đã xóa kết quả.");
    expect(f.calls.clear).toEqual([true]);
  });

  test("a protected sheet is explained", async () => {
    const f = fakeHost();
    f.host.evaluate = async () => ({
      ...paneResult(runEvaluation(GRIDS), { skipped: [] }),
      refused: { reason: "sheetProtected", sheet: "Xã" },
    });
    renderApp(f.host);
    fireEvent.click(screen.getByRole("button", { name: "Đánh giá" }));
    expect(await screen.findByText(/Sheet "Xã" đang được bảo vệ: TC8 không thay đổi gì/)).toBeTruthy();
  });

  test("in English", async () => {
    const f = fakeHost();
    renderApp(f.host, "en");
    await evaluateNow(f, "Evaluate");
    expect(await screen.findByRole("table", { name: "Summary" })).toBeTruthy();
    expect(screen.getAllByLabelText("NTM: Fail").length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: /Xã Hồng Phong/ }));
    expect(
      await screen.findByRole("button", {
        name: "8.4 NTM, point a – Computers per official: 9/20 officials with a computer = 45%, short of the requirement (at least 50%)",
      }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Clear results" })).toBeTruthy();
  });

  test("Create input template reports the sheets added", async () => {
    const f = fakeHost();
    renderApp(f.host);
    fireEvent.click(screen.getByRole("button", { name: "Tạo mẫu nhập liệu" }));
    expect(await screen.findByText("Đã thêm các sheet: Danh sách xã, Thôn, bản, Điểm phục vụ bưu chính")).toBeTruthy();
  });
});
