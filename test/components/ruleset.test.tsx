/**
 * @jest-environment jsdom
 */
/** The task pane's rule-set choice: a rule set file opened in the browser, checked, used to evaluate, kept in the state, followed by the template. */
import fs from "node:fs";
import path from "node:path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { paneResult, type EvaluateRequest, type PaneHost } from "../../src/taskpane/host";
import { runEvaluation, type Run } from "../../src/core/pipeline";
import type { RuleSet } from "../../src/core/ruleset";
import { gridFrom } from "../helpers/grids";

const ROOT = path.join(__dirname, "../..");
const VARIANT = fs.readFileSync(path.join(ROOT, "test/fixtures/rulesets/tinh-mau-2024.json"), "utf8");

const GRIDS = [
  gridFrom("Xã", [
    ["Tên xã", "Khu vực", "Số CBCC", "Số CBCC có máy vi tính", "Có đài truyền thanh xã"],
    ["Xã Tân Thành", "Miền núi", 20, 10, "Có"],
    ["Xã Hồng Phong", "Miền núi", 20, 13, "Có"],
  ]),
];

function fakeHost() {
  const calls: { evaluate: EvaluateRequest[]; runs: Run[]; template: (RuleSet | undefined)[] } = {
    evaluate: [],
    runs: [],
    template: [],
  };
  const host: PaneHost = {
    kind: "web",
    async evaluate(req) {
      calls.evaluate.push(req);
      const run = runEvaluation(GRIDS, {
        levels: req.levels,
        lang: req.lang,
        ruleset: req.ruleset,
        rulesets: req.rulesets,
      });
      calls.runs.push(run);
      return paneResult(run, { skipped: [] });
    },
    async clear() {
      return {};
    },
    async template(ruleset) {
      calls.template.push(ruleset);
      return { sheets: ["Danh sách xã"] };
    },
    async select() {},
  };
  return { host, calls };
}

jest.setTimeout(60_000);

function renderApp(host: PaneHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang="vi" />
    </FluentProvider>,
  );
}

/** "Mở tệp bộ tiêu chí" chosen in the list, then the file given to the file input it opens. */
function openFile(text: string, name: string) {
  expect(screen.queryByLabelText("Mở tệp bộ tiêu chí (.json)…")).toBeNull();
  fireEvent.change(screen.getByRole("combobox", { name: "Bộ tiêu chí" }), { target: { value: "\u0000open" } });
  fireEvent.change(screen.getByLabelText("Mở tệp bộ tiêu chí (.json)…"), {
    target: { files: [new File([text], name, { type: "application/json" })] },
  });
}

test("the shipped rule sets are offered, with the workbook's own as the default", () => {
  renderApp(fakeHost().host);
  const select = screen.getByRole("combobox", { name: "Bộ tiêu chí" });
  const options = within(select)
    .getAllByRole("option")
    .map((o) => o.textContent);
  expect(options[0]).toMatch(/\(theo sổ tính, hoặc mặc định\)$/);
  expect(options).toContain(
    "Tiêu chí số 8 – Thông tin và Truyền thông, xã NTM và xã NTM nâng cao, tỉnh Lạng Sơn, giai đoạn 2021–2025",
  );
  expect(options[options.length - 1]).toBe("Mở tệp bộ tiêu chí (.json)…");
});

test("a province's variant opened from a file: evaluated with its thresholds, kept in the state, and the template follows it", async () => {
  const f = fakeHost();
  renderApp(f.host);
  openFile(VARIANT, "tinh-mau-2024.json");
  expect(
    await screen.findByText(/^Đã mở bộ tiêu chí: Tiêu chí số 8 – Thông tin và Truyền thông, biến thể/),
  ).toBeTruthy();
  expect((screen.getByRole("combobox", { name: "Bộ tiêu chí" }) as HTMLSelectElement).value).toBe("tinh-mau-2024");

  fireEvent.click(screen.getByRole("button", { name: "Đánh giá" }));
  await screen.findByRole("table", { name: "Tổng hợp" });
  expect(f.calls.evaluate[0].ruleset?.id).toBe("tinh-mau-2024");
  // 10 of 20 officials with a computer: 50 %, short of the variant's 60 %; 13 of 20 pass.
  const verdicts = f.calls.runs[0].evaluation.communes.map(
    (c) =>
      c.levels.ntm?.indicators.find((i) => i.id === "8.4")?.conditions.find((x) => x.id === "8.4.a.may_tinh")?.verdict,
  );
  expect(verdicts).toEqual(["fail", "pass"]);
  fireEvent.click(screen.getByRole("button", { name: /Xã Tân Thành/ }));
  expect(
    await screen.findByRole("button", {
      name: /^8\.4 NTM, điểm a – Máy vi tính\/cán bộ, công chức: 10\/20 CBCC có máy vi tính = 50%, chưa đạt yêu cầu tối thiểu 60%/,
    }),
  ).toBeTruthy();
  // The workbook's state keeps the rule set's id.
  expect(f.calls.runs[0].plan?.state.ruleset).toBe("tinh-mau-2024");

  fireEvent.click(screen.getByRole("button", { name: "Tạo mẫu nhập liệu" }));
  await waitFor(() => expect(f.calls.template).toHaveLength(1));
  expect(f.calls.template[0]?.id).toBe("tinh-mau-2024");
});

test("without a choice the host decides from the workbook (no rule set sent), and the shipped one evaluates as before", async () => {
  const f = fakeHost();
  renderApp(f.host);
  fireEvent.click(screen.getByRole("button", { name: "Đánh giá" }));
  await screen.findByRole("table", { name: "Tổng hợp" });
  expect(f.calls.evaluate[0].ruleset).toBeUndefined();
  expect(f.calls.runs[0].evaluation.ruleset.id).toBe("langson-2022");
  const verdicts = f.calls.runs[0].evaluation.communes.map(
    (c) =>
      c.levels.ntm?.indicators.find((i) => i.id === "8.4")?.conditions.find((x) => x.id === "8.4.a.may_tinh")?.verdict,
  );
  expect(verdicts).toEqual(["pass", "pass"]);
});

test("an invalid rule set file is refused, each problem at its place", async () => {
  renderApp(fakeHost().host);
  await act(async () => openFile(VARIANT.replace('"mien_nui": "60%"', '"mien_nui": "160%"'), "sai.json"));
  const alert = await screen.findByText(/^Tệp sai\.json không phải bộ tiêu chí hợp lệ: /);
  expect(alert.textContent).toMatch(
    /\/conditions\/8\.2\.nc\.dttm\/threshold\/mien_nui \(11:\d+\): ngưỡng 160% trên 100%/,
  );
  expect((screen.getByRole("combobox", { name: "Bộ tiêu chí" }) as HTMLSelectElement).value).toBe("");
});
