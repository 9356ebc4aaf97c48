/**
 * @jest-environment jsdom
 */
/** "Tổng hợp nhiều tệp" in the task pane: pick files, a line per file as each is done, what was written. */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { PaneHost, RollupRequest } from "../../src/taskpane/host";

jest.setTimeout(60_000);

function host(kind: "excel" | "web") {
  const requests: RollupRequest[] = [];
  let release: () => void = () => undefined;
  const h: PaneHost = {
    kind,
    evaluate: async () => {
      throw new Error("not here");
    },
    clear: async () => ({}),
    template: async () => ({ sheets: [] }),
    select: async () => undefined,
    async rollup(req, onFile) {
      requests.push(req);
      onFile(1, 2, { name: "xa-a.xlsx", text: "1 xã", ok: true });
      await new Promise<void>((r) => (release = r));
      onFile(2, 2, { name: "hong.xlsx", text: "Không đọc được: tệp bị hỏng", ok: false });
      return kind === "excel"
        ? { evaluated: 1, sheets: ["Tổng hợp", "Theo chỉ tiêu", "Vấn đề dữ liệu", "Tệp"] }
        : { evaluated: 1, sheets: [], download: { name: "tong-hop-tc8.xlsx", bytes: new Uint8Array([1]) } };
    },
  };
  return { h, requests, release: () => release() };
}

function pick(names: string[]) {
  const input = document.getElementById("rollup-files") as HTMLInputElement;
  const files = names.map((n) => new File([new Uint8Array([80, 75])], n, { lastModified: Date.UTC(2026, 10, 1) }));
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

test("in Excel: the files picked, a line per file as each is done, then the sheets added", async () => {
  const f = host("excel");
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={f.h} lang="vi" />
    </FluentProvider>,
  );
  const panel = screen.getByRole("region", { name: "Tổng hợp nhiều tệp" });
  expect(within(panel).getByRole("button", { name: "Tổng hợp" }).hasAttribute("disabled")).toBe(true);
  pick(["xa-a.xlsx", "hong.xlsx"]);
  within(panel).getByText("Đã chọn 2 tệp");
  fireEvent.click(within(panel).getByRole("button", { name: "Tổng hợp" }));
  expect(await within(panel).findByRole("progressbar", { name: "Đang tổng hợp tệp 2/2…" })).toBeTruthy();
  expect(
    within(panel)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual(["xa-a.xlsx: 1 xã"]);
  await act(async () => f.release());
  await within(panel).findByText("Đã thêm các sheet tổng hợp: Tổng hợp, Theo chỉ tiêu, Vấn đề dữ liệu, Tệp");
  expect(
    within(panel)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual(["xa-a.xlsx: 1 xã", "hong.xlsx: Không đọc được: tệp bị hỏng"]);
  expect(f.requests[0].levels).toEqual(["ntm", "nc"]);
  expect(f.requests[0].files.map((x) => [x.name, x.size])).toEqual([
    ["xa-a.xlsx", 2],
    ["hong.xlsx", 2],
  ]);
  expect(within(panel).queryByRole("button", { name: "Tải tệp tổng hợp" })).toBeNull();
});

test("on the page: a download of the new workbook is offered", async () => {
  const f = host("web");
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={f.h} lang="en" />
    </FluentProvider>,
  );
  const panel = screen.getByRole("region", { name: "Roll up several files" });
  pick(["xa-a.xlsx"]);
  fireEvent.click(within(panel).getByRole("button", { name: "Roll up" }));
  await act(async () => f.release());
  await within(panel).findByText("Rolled up: download the roll-up file.");
  expect(within(panel).getByRole("button", { name: "Download the roll-up" })).toBeTruthy();
});
