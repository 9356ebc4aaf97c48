/**
 * Makes examples/huyen-binh-gia.xlsx: a district form as Lạng Sơn's culture–information offices
 * keep it. Twelve communes of Bình Gia district (a title above a two-row header, a column-number
 * row, a total row), their villages on a sheet of their own, their postal points on another. A mix
 * of communes that pass, fail and lack data. Deterministic: the same file every run.
 *   npx tsx scripts/make-example.ts [output.xlsx]
 */
import ExcelJS from "exceljs";
import path from "node:path";

const OUT = process.argv[2] ?? path.join(__dirname, "../examples/huyen-binh-gia.xlsx");

type Row = Record<string, ExcelJS.CellValue>;

// Each commune: its area, its figures, and what is special about it (the story of the sample).
const COMMUNES: {
  name: string;
  area: string;
  villages: string[];
  story: string;
  row: Row;
  points?: Row[];
  villageChanges?: Record<string, Row>;
}[] = [
  {
    name: "Xã Hoàng Văn Thụ",
    area: "Miền núi",
    story: "đạt cả NTM và NTM nâng cao",
    villages: [
      "Nà Pàn",
      "Khuổi Hẩu",
      "Bản Cằm",
      "Pác Khuông",
      "Nà Lầu",
      "Còn Phạ",
      "Lăng Khoang",
      "Nà Cà",
      "Bó Héo",
      "Khuổi Khem",
    ],
    row: {},
  },
  {
    name: "Xã Mông Ân",
    area: "Miền núi",
    story: "thiếu máy vi tính (8.4 NTM, điểm a)",
    villages: ["Pò Mỏ", "Nà Chuông", "Kéo Coong", "Pác Giả", "Nà Làng", "Bản Chu", "Cốc Lùng"],
    row: { officials: 21, computers: 8 },
  },
  {
    name: "Xã Hồng Phong",
    area: "Miền núi",
    story: "một bản chưa có Internet (8.2 NTM)",
    villages: ["Nà Vài", "Khau Phạ", "Lũng Páng", "Bản Cạp", "Nà Tềnh", "Pác Lũng", "Còn Nưa", "Khuổi Phầy"],
    row: {},
    villageChanges: { "Bản Cạp": { internetFixed: "Không", internetMobile: "Không" } },
  },
  {
    name: "Xã Hoa Thám",
    area: "Miền núi",
    story: "đạt NTM; loa thường xuyên chưa đủ 90% (8.3 NTM nâng cao)",
    villages: ["Nà Thôm", "Bản Hẻo", "Khuổi Luông", "Nà Pồng", "Pác Ma", "Còn Chè", "Nà Rị", "Bản Nhàn", "Khau Khem"],
    row: {},
    villageChanges: { "Nà Rị": { regular: "Không" }, "Bản Nhàn": { regular: "Không" } },
  },
  {
    name: "Xã Quý Hòa",
    area: "Miền núi",
    story: "chưa ghi số tin, bài trên trang TTĐT (thiếu dữ liệu)",
    villages: ["Nà Lùng", "Bản Làng", "Khuổi Mỏ", "Pác Phai", "Nà Tẩu", "Còn Ỏ"],
    row: { postsYear: null },
  },
  {
    name: "Xã Hưng Đạo",
    area: "Miền núi",
    story: "điểm BĐVHX mở cửa 3 giờ/ngày, bưu cục thì đạt (8.1 NTM đạt nhờ bưu cục)",
    villages: ["Nà Slải", "Bản Đắng", "Khuổi Vằn", "Pác Cáp", "Nà Tấm", "Còn Pheo", "Lũng Vài"],
    row: {},
    points: [
      { name: "Điểm BĐVHX Hưng Đạo", hours: "3 giờ" },
      { name: "Bưu cục Bình Gia", hours: "8 giờ", online: "Có" },
    ],
  },
  {
    name: "Xã Hồng Thái",
    area: "Miền núi",
    story: "chưa có wifi miễn phí ở trạm y tế (8.5 NTM nâng cao)",
    villages: ["Nà Hu", "Bản Thang", "Khuổi Ky", "Pác Nặm", "Nà Kéo", "Còn Bó"],
    row: { wifiHealth: null },
  },
  {
    name: "Xã Tân Văn",
    area: "Đồng bằng",
    story: "khu vực đồng bằng: CBCC được bồi dưỡng 18/20 < 100% (8.4 NTM nâng cao)",
    villages: ["Thôn Tân Lập", "Thôn Tân Tiến", "Thôn Tân Minh", "Thôn Tân Hòa", "Thôn Tân An"],
    row: { trained: 18, smartphone: 2200, citizens: 1900 },
  },
  {
    name: "Xã Bình La",
    area: "",
    story: "chưa ghi khu vực (dùng mặc định miền núi); hồ sơ trực tuyến 25% < 30% (8.4 NTM, điểm c)",
    villages: ["Nà Cướm", "Bản Vàng", "Khuổi Sỏm", "Pác Ngà", "Nà Tào", "Còn Kéo", "Lũng Mười"],
    row: { online: 250 },
  },
  {
    name: "Xã Minh Khai",
    area: "Miền núi",
    story: "không có sản phẩm OCOP (8.4 NTM nâng cao, điểm d đạt), đạt cả hai cấp",
    villages: ["Nà Mò", "Bản Pò", "Khuổi Tát", "Pác Khoang", "Nà Piệt", "Còn Nhạc"],
    row: { ocop: 0, ocopOnline: 0 },
  },
  {
    name: "Xã Thiện Thuật",
    area: "Miền núi",
    story: "số CBCC có máy tính ghi lỗi #DIV/0! (thiếu dữ liệu)",
    villages: ["Nà Ngườm", "Bản Piềng", "Khuổi Rào", "Pác Làng", "Nà Dài", "Còn Ngòa", "Lũng Cút", "Nà Nạc"],
    row: { computers: { formula: "10/0", result: { error: "#DIV/0!" } } },
  },
  {
    name: "Xã Thiện Long",
    area: "Miền núi",
    story: "đài truyền thanh chỉ phát 2 tin/tuần (8.3 NTM: ít nhất 03 tin/tuần)",
    villages: ["Nà Bó", "Bản Pắc", "Khuổi Nọi", "Pác Phiêng", "Nà Lạn", "Còn Pheo Thượng"],
    row: { news: "2 tin" },
  },
];

const BASE: Row = {
  qcvn: "Có",
  station: "Có",
  relay: "Có",
  news: 3,
  officials: 20,
  computers: 12,
  qlvb: "Có",
  email: "Có",
  motcua: "Có",
  website: "https://binhgia.langson.gov.vn",
  postsYear: 48,
  postsMonth: 3,
  dossiers: 1000,
  online: 520,
  workingAge: 2600,
  smartphone: 1500,
  trained: 17,
  citizens: 1400,
  publications: 1,
  ocop: 2,
  ocopOnline: 2,
  addresses: 900,
  plates: 900,
  survey: "Có",
  wifiUbnd: "x",
  wifiHouse: "x",
  wifiHealth: "x",
  wifiQuality: "x",
  wifiOther: 3,
};

// The district form's columns: group (merged over its sub-headers) and sub-header.
const COLUMNS: [group: string, header: string, key: string][] = [
  ["STT", "STT", "stt"],
  ["Tên xã", "Tên xã", "name"],
  ["Khu vực", "Khu vực", "area"],
  ["Viễn thông", "Dịch vụ VT, Internet đáp ứng QCVN", "qcvn"],
  ["Truyền thanh", "Có đài truyền thanh xã", "station"],
  ["Truyền thanh", "Tiếp sóng Đài TNVN, Đài PT-TH tỉnh", "relay"],
  ["Truyền thanh", "Số tin, bài tự sản xuất/tuần", "news"],
  ["Ứng dụng CNTT", "Số cán bộ, công chức xã", "officials"],
  ["Ứng dụng CNTT", "Số CBCC có máy vi tính", "computers"],
  ["Ứng dụng CNTT", "Sử dụng hệ thống QLVB và điều hành", "qlvb"],
  ["Ứng dụng CNTT", "Sử dụng thư điện tử công vụ", "email"],
  ["Ứng dụng CNTT", "Sử dụng Cổng DVC, một cửa điện tử", "motcua"],
  ["Ứng dụng CNTT", "Trang thông tin điện tử xã (địa chỉ)", "website"],
  ["Ứng dụng CNTT", "Số tin, bài trên trang TTĐT trong năm", "postsYear"],
  ["Ứng dụng CNTT", "Số tin, bài tháng ít nhất", "postsMonth"],
  ["Ứng dụng CNTT", "Tổng số hồ sơ TTHC đã giải quyết", "dossiers"],
  ["Ứng dụng CNTT", "Số hồ sơ giải quyết trực tuyến", "online"],
  ["NTM nâng cao", "Dân số trong độ tuổi lao động", "workingAge"],
  ["NTM nâng cao", "Số người trong độ tuổi LĐ có thuê bao ĐTTM", "smartphone"],
  ["NTM nâng cao", "Số CBCC được bồi dưỡng kỹ năng số, ATTT", "trained"],
  ["NTM nâng cao", "Số người trong độ tuổi LĐ được phổ biến kỹ năng số", "citizens"],
  ["NTM nâng cao", "Số điểm cung cấp xuất bản phẩm", "publications"],
  ["NTM nâng cao", "Số sản phẩm OCOP", "ocop"],
  ["NTM nâng cao", "Số sản phẩm OCOP trên sàn TMĐT", "ocopOnline"],
  ["NTM nâng cao", "Số hộ, cơ quan, tổ chức, khu di tích", "addresses"],
  ["NTM nâng cao", "Số điểm đã gắn biển địa chỉ số", "plates"],
  ["NTM nâng cao", "Tổ chức lấy ý kiến sự hài lòng của người dân", "survey"],
  ["Wifi miễn phí", "UBND xã", "wifiUbnd"],
  ["Wifi miễn phí", "Nhà văn hóa xã", "wifiHouse"],
  ["Wifi miễn phí", "Trạm y tế", "wifiHealth"],
  ["Wifi miễn phí", "Đáp ứng chất lượng, ATTT", "wifiQuality"],
  ["Wifi miễn phí", "Số điểm công cộng khác có wifi", "wifiOther"],
];

const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({
  name: "Times New Roman",
  size: 12,
  ...extra,
});

/** A data row of a form: plain font, thin borders. */
function dataRow(ws: ExcelJS.Worksheet, row: number, values: unknown[]): void {
  values.forEach((x, j) => {
    const cell = ws.getCell(row, j + 1);
    cell.value = (x === undefined ? null : x) as ExcelJS.CellValue;
    cell.font = font();
    cell.border = thin;
  });
}

function mergeGroups(ws: ExcelJS.Worksheet, row: number, groups: string[]): void {
  let start = 0;
  for (let i = 1; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === groups[start]) continue;
    if (i - 1 > start) ws.mergeCells(row, start + 1, row, i);
    start = i;
  }
}

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Phòng Văn hóa và Thông tin huyện Bình Gia";
  wb.created = new Date(2025, 9, 15);

  // Sheet 1: the communes, as the district form lays them out.
  const ws = wb.addWorksheet("TH TC8 Bình Gia", { views: [{ state: "frozen", xSplit: 2, ySplit: 6 }] });
  ws.getCell("A1").value = "UBND HUYỆN BÌNH GIA";
  ws.getCell("A2").value = "PHÒNG VĂN HÓA VÀ THÔNG TIN";
  ws.getCell("F1").value = "BIỂU TỔNG HỢP TIÊU CHÍ SỐ 8 - THÔNG TIN VÀ TRUYỀN THÔNG";
  ws.getCell("F2").value = "(Số liệu đến ngày 30/9/2025)";
  for (const a of ["A1", "A2", "F1"]) ws.getCell(a).font = font({ bold: true });
  ws.getCell("F2").font = font({ italic: true });
  const H1 = 4;
  COLUMNS.forEach(([group, header], i) => {
    const top = ws.getCell(H1, i + 1);
    const sub = ws.getCell(H1 + 1, i + 1);
    top.value = group;
    sub.value = group === header ? null : header;
    for (const c of [top, sub]) {
      c.font = font({ bold: true });
      c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      c.border = thin;
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
    }
    const num = ws.getCell(H1 + 2, i + 1);
    num.value = `(${i + 1})`;
    num.font = font({ italic: true, size: 10 });
    num.alignment = { horizontal: "center" };
    num.border = thin;
  });
  COLUMNS.forEach(([group, header], i) => group === header && ws.mergeCells(H1, i + 1, H1 + 1, i + 1));
  mergeGroups(
    ws,
    H1,
    COLUMNS.map(([g, h]) => (g === h ? `${g}#${h}` : g)),
  );
  ws.getRow(H1 + 1).height = 75;
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 20;
  for (let c = 3; c <= COLUMNS.length; c++) ws.getColumn(c).width = 13;

  let r = H1 + 3;
  COMMUNES.forEach((c, i) => {
    const values: Row = { ...BASE, ...c.row, stt: i + 1, name: c.name, area: c.area || null };
    dataRow(
      ws,
      r,
      COLUMNS.map(([, , key]) => values[key]),
    );
    ws.getCell(r, 2).alignment = { horizontal: "left" };
    r++;
  });
  const total = ws.getRow(r);
  total.getCell(2).value = "Tổng cộng";
  total.getCell(8).value = {
    formula: `SUM(H${H1 + 3}:H${r - 1})`,
    result: COMMUNES.reduce((s, c) => s + Number(c.row.officials ?? BASE.officials), 0),
  };
  total.eachCell((cell) => (cell.font = font({ bold: true })));
  ws.getCell(r + 2, 2).value = "Người lập biểu: Lương Thị Hạnh";
  ws.getCell(r + 2, 2).font = font({ italic: true });

  // Sheet 2: villages, with a two-row header over the telephone and Internet columns.
  const vs = wb.addWorksheet("Thôn, bản", { views: [{ state: "frozen", ySplit: 3 }] });
  vs.getCell("A1").value = "DANH SÁCH THÔN, BẢN VÀ DỊCH VỤ VIỄN THÔNG, TRUYỀN THANH, TRUYỀN HÌNH";
  vs.getCell("A1").font = font({ bold: true });
  const vcols: [string, string][] = [
    ["Tên xã", "Tên xã"],
    ["Tên thôn, bản", "Tên thôn, bản"],
    ["Dịch vụ điện thoại", "Cố định"],
    ["Dịch vụ điện thoại", "Di động"],
    ["Dịch vụ Internet", "Cố định"],
    ["Dịch vụ Internet", "Di động"],
    ["Truyền thanh", "Có hệ thống loa hoạt động"],
    ["Truyền thanh", "Loa hoạt động thường xuyên"],
    ["Truyền hình", "Có hộ thu xem được truyền hình"],
    ["Doanh nghiệp cung cấp", "Doanh nghiệp cung cấp"],
  ];
  vcols.forEach(([g, h], i) => {
    vs.getCell(2, i + 1).value = g;
    vs.getCell(3, i + 1).value = g === h ? null : h;
    for (const cell of [vs.getCell(2, i + 1), vs.getCell(3, i + 1)]) {
      cell.font = font({ bold: true });
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = thin;
    }
    if (g === h) vs.mergeCells(2, i + 1, 3, i + 1);
  });
  mergeGroups(
    vs,
    2,
    vcols.map(([g, h]) => (g === h ? `${g}#${h}` : g)),
  );
  [18, 20, 10, 10, 10, 10, 14, 14, 14, 22].forEach((w, i) => (vs.getColumn(i + 1).width = w));
  let vr = 4;
  for (const c of COMMUNES)
    c.villages.forEach((v, i) => {
      const ch = c.villageChanges?.[v] ?? {};
      const fixedPhone = i % 3 === 0 ? "Có" : "Không";
      const values = [
        c.name,
        v,
        fixedPhone,
        "Có",
        ch.internetFixed ?? fixedPhone,
        ch.internetMobile ?? "Có",
        ch.loudspeaker ?? (i % 4 === 3 ? "Không" : "Có"),
        ch.regular ?? "Có",
        "Có",
        i % 2 ? "Viettel, VNPT" : "VNPT, Viettel, MobiFone",
      ];
      dataRow(vs, vr++, values);
    });

  // Sheet 3: postal service points.
  const ps = wb.addWorksheet("Điểm BĐVHX");
  const pcols = [
    "Tên xã",
    "Tên điểm phục vụ bưu chính",
    "Có mặt bằng, trang thiết bị phù hợp",
    "Có biển tên điểm phục vụ",
    "Niêm yết giờ mở cửa, thông tin dịch vụ",
    "Số giờ mở cửa/ngày",
    "Dịch vụ thư đến 2 kg",
    "Dịch vụ gói, kiện đến 5 kg",
    "Hỗ trợ người dân sử dụng DVC trực tuyến",
  ];
  pcols.forEach((h, i) => {
    const cell = ps.getCell(1, i + 1);
    cell.value = h;
    cell.font = font({ bold: true });
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    cell.border = thin;
    ps.getColumn(i + 1).width = i < 2 ? 26 : 14;
  });
  let pr = 2;
  for (const c of COMMUNES) {
    const short = c.name.replace(/^Xã /, "");
    for (const p of c.points ?? [{ name: `Điểm BĐVHX ${short}` }]) {
      const values = [
        c.name,
        p.name,
        "Có",
        "Có",
        "Có",
        p.hours ?? "8 giờ",
        "Có",
        "Có",
        p.online ?? (c.name === "Xã Hưng Đạo" ? "Không" : "Có"),
      ];
      dataRow(ps, pr++, values);
    }
  }

  // Sheet 4: the story of each commune, for whoever opens the sample.
  const notes = wb.addWorksheet("Ghi chú mẫu");
  notes.getCell("A1").value = "Tệp mẫu của TC8: 12 xã huyện Bình Gia (số liệu giả định để minh họa).";
  notes.getCell("A1").font = font({ bold: true });
  COMMUNES.forEach((c, i) => {
    notes.getCell(i + 3, 1).value = `${c.name}: ${c.story}`;
    notes.getCell(i + 3, 1).font = font();
  });
  notes.getColumn(1).width = 100;

  await wb.xlsx.writeFile(OUT);
  console.log(`written ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
