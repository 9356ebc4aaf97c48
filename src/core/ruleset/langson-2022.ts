/**
 * Rule set `langson-2022`: Tiêu chí số 8 – Thông tin và Truyền thông, xã NTM and xã NTM nâng cao,
 * as Lạng Sơn's Department of Information and Communications (Sở TTTT) guided it in September 2022
 * (Phụ lục I and Phụ lục II), on QĐ 1127/QĐ-BTTTT (22/6/2022) and QĐ 1494/QĐ-UBND (14/9/2022).
 *
 * Each condition carries the guidance's own words (`text`), so a reviewer can read the rule beside
 * the check that implements it. Evidence lists are the annexes' last column, word for word.
 */
import { rational } from "../engine/ratio";
import type { AreaWording, ConditionDef, EvidenceDoc, IndicatorDef, LegalRef, RuleSet, Threshold } from "./types";

const DOC = "Hướng dẫn số /STTTT-HTS (9/2022) của Sở TTTT Lạng Sơn; QĐ 1127/QĐ-BTTTT ngày 22/6/2022; QĐ 1494/QĐ-UBND ngày 14/9/2022";
const I = "Phụ lục I";
const II = "Phụ lục II";
const ref = (annex: string, item: string): LegalRef => ({ document: DOC, annex, item });
const pct = (p: number) => rational(p, 100);
const byArea = (mienNui: number, dongBang: number, wording: AreaWording): Threshold => ({ byArea: { mien_nui: pct(mienNui), dong_bang: pct(dongBang) }, wording });
// The areas as each indicator of Phụ lục II words them.
const OTHERS = { vi: "các xã còn lại", en: "other communes" };
/** 8.2 NC. */
const DTTS_MIEN_NUI_HAI_DAO: AreaWording = { mien_nui: { vi: "các xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo", en: "communes of ethnic minority, mountainous and island areas" }, dong_bang: OTHERS };
/** 8.4 NC, điểm b and c. */
const DTTS_MIEN_NUI: AreaWording = { mien_nui: { vi: "các xã vùng đồng bào dân tộc thiểu số và miền núi", en: "communes of ethnic minority and mountainous areas" }, dong_bang: OTHERS };
/** 8.3 NC, điểm a. */
const KHU_VUC: AreaWording = { mien_nui: { vi: "xã khu vực miền núi", en: "communes in mountainous areas" }, dong_bang: { vi: "xã khu vực đồng bằng", en: "communes in lowland areas" } };
const ALL_VILLAGES = rational(1, 1);
/** Evidence documents in the guidance's order; a [text, provider] pair where one document names its own. */
const docs = (provider: string, ...texts: (string | [string, string])[]): EvidenceDoc[] =>
  texts.map((t, i) => (typeof t === "string" ? { no: i + 1, text: t, provider } : { no: i + 1, text: t[0], provider: t[1] }));

// 8.1 NTM, a): the postal point's premises, sign, posted information and hours; b): its services.
const POSTAL_CONDITIONS: readonly ConditionDef[] = [
  {
    id: "8.1.a.mat_bang",
    text: "Có mặt bằng, trang thiết bị phù hợp với hình thức tổ chức cung ứng và nhu cầu sử dụng dịch vụ bưu chính tại địa phương.",
    name: { vi: "Mặt bằng, trang thiết bị", en: "Premises and equipment" },
    legal: ref(I, "Chỉ tiêu 8.1, điểm a"),
    check: { kind: "flag", fact: "premises" },
  },
  {
    id: "8.1.a.bien_ten",
    text: "Có treo biển tên điểm phục vụ.",
    name: { vi: "Biển tên điểm phục vụ", en: "Name sign" },
    legal: ref(I, "Chỉ tiêu 8.1, điểm a"),
    check: { kind: "flag", fact: "sign" },
  },
  {
    id: "8.1.a.niem_yet",
    text: "Niêm yết giờ mở cửa phục vụ và các thông tin về dịch vụ bưu chính cung ứng tại điểm phục vụ.",
    name: { vi: "Niêm yết giờ mở cửa, thông tin dịch vụ", en: "Opening hours and services posted" },
    legal: ref(I, "Chỉ tiêu 8.1, điểm a"),
    check: { kind: "flag", fact: "posted_info" },
  },
  {
    id: "8.1.a.gio_mo_cua",
    text: "Thời gian mở cửa phục vụ phải đảm bảo tối thiểu 4 giờ/ngày làm việc.",
    name: { vi: "Thời gian mở cửa phục vụ", en: "Opening hours" },
    legal: ref(I, "Chỉ tiêu 8.1, điểm a"),
    check: { kind: "atLeast", fact: "hours_per_day", min: 4 },
  },
  {
    id: "8.1.b.thu_2kg",
    text: "Dịch vụ thư có địa chỉ nhận, khối lượng đơn chiếc đến 02 kg.",
    name: { vi: "Dịch vụ thư đến 02 kg", en: "Letters up to 2 kg" },
    legal: ref(I, "Chỉ tiêu 8.1, điểm b"),
    check: { kind: "flag", fact: "letters_2kg" },
  },
  {
    id: "8.1.b.goi_5kg",
    text: "Dịch vụ gói, kiện hàng hóa có khối lượng đơn chiếc đến 05 kg.",
    name: { vi: "Dịch vụ gói, kiện đến 05 kg", en: "Packets and parcels up to 5 kg" },
    legal: ref(I, "Chỉ tiêu 8.1, điểm b"),
    check: { kind: "flag", fact: "parcels_5kg" },
  },
];

const TIEP_SONG = "Đài xã phải thực hiện tiếp sóng các khung giờ của Đài Tiếng nói Việt Nam, Đài Phát thanh và Truyền hình tỉnh.";
const TIN_BAI =
  "Thực hiện phát chương trình, nội dung tin tức do xã tự sản xuất trên đài truyền thanh của xã. Số lượng, thời lượng và nội dung thực hiện: ít nhất 03 tin/tuần. Nội dung tin, bài phong phú gồm cả chính trị, thời sự, tuyên truyền chủ trương, chính sách, các hoạt động của xã...";
const BAO_CAO_DVC = "Báo cáo số liệu tình hình thực hiện dịch vụ công trực tuyến của xã (trích xuất từ hệ thống một cửa điện tử)";

const NTM: readonly IndicatorDef[] = [
  {
    id: "8.1",
    title: "Xã có điểm phục vụ bưu chính",
    titleEn: "The commune has a postal service point",
    legal: ref(I, "Chỉ tiêu 8.1"),
    scope: "postalPoint",
    conditions: POSTAL_CONDITIONS,
    evidence: docs(
      "Các tài liệu do điểm phục vụ bưu chính cung cấp",
      "Bản sao Quyết định thành lập điểm bưu điện VHX hoặc Bản sao giấy tờ chứng minh có mặt bằng điểm PV bưu chính (Giấy CN quyền SD đất; cho thuê, mượn mặt bằng,...)",
      "Danh mục các dịch vụ cung ứng tại điểm PV bưu chính; các tài liệu niêm yết tại điểm PV bưu chính. Danh mục các trang thiết bị tại điểm PV bưu chính",
      "Các ảnh chụp ngoài, trong điểm PV bưu chính.",
    ),
  },
  {
    id: "8.2",
    title: "Xã có dịch vụ viễn thông, Internet",
    titleEn: "The commune has telecommunications and Internet services",
    legal: ref(I, "Chỉ tiêu 8.2"),
    scope: "commune",
    conditions: [
      {
        id: "8.2.a.thoai",
        text: "Tất cả các thôn, bản trên địa bàn xã có khả năng đáp ứng nhu cầu sử dụng ít nhất một trong hai loại dịch vụ điện thoại: trên mạng viễn thông cố định mặt đất hoặc trên mạng viễn thông di động mặt đất",
        name: { vi: "Dịch vụ điện thoại ở các thôn, bản", en: "Telephone service in the villages" },
        legal: ref(I, "Chỉ tiêu 8.2, điểm a"),
        check: { kind: "villages", anyOf: ["phone_fixed", "phone_mobile", "phone_any"], count: "villages_phone", threshold: ALL_VILLAGES, noun: { vi: "thôn, bản có dịch vụ điện thoại", en: "villages with telephone service" } },
      },
      {
        id: "8.2.a.internet",
        text: "Tất cả các thôn, bản trên địa bàn xã có khả năng đáp ứng nhu cầu sử dụng … ít nhất một trong hai loại dịch vụ truy nhập Internet: trên mạng băng rộng cố định mặt đất hoặc trên mạng băng rộng di động mặt đất.",
        name: { vi: "Dịch vụ truy nhập Internet ở các thôn, bản", en: "Internet access in the villages" },
        legal: ref(I, "Chỉ tiêu 8.2, điểm a"),
        check: { kind: "villages", anyOf: ["internet_fixed", "internet_mobile", "internet_any"], count: "villages_internet", threshold: ALL_VILLAGES, noun: { vi: "thôn, bản có dịch vụ Internet", en: "villages with broadband Internet" } },
      },
      {
        id: "8.2.b.qcvn",
        text: "Dịch vụ viễn thông, Internet trên địa bàn xã phải đáp ứng quy chuẩn kỹ thuật quốc gia do cơ quan có thẩm quyền ban hành.",
        name: { vi: "Quy chuẩn kỹ thuật quốc gia", en: "National technical standards (QCVN)" },
        legal: ref(I, "Chỉ tiêu 8.2, điểm b"),
        check: { kind: "flag", fact: "telecom_qcvn" },
      },
    ],
    evidence: docs(
      "Xã phối hợp với các DN viễn thông cung cấp (có xác nhận của DN viễn thông và xã)",
      "Biểu thống kê các thôn có dịch vụ viễn thông, internet của tối thiểu (nhưng không giới hạn) một trong các doanh nghiệp: VNPT, Viettel, MobiFone, bảo đảm 100% thôn có cả 2 dịch vụ.",
    ),
  },
  {
    id: "8.3",
    title: "Xã có đài truyền thanh và hệ thống loa đến các thôn, bản",
    titleEn: "The commune has a radio station and loudspeakers reaching its villages",
    legal: ref(I, "Chỉ tiêu 8.3"),
    scope: "commune",
    conditions: [
      {
        id: "8.3.a.dai",
        text: "Xã có đài truyền thanh theo hướng dẫn của Bộ Thông tin và Truyền thông;",
        name: { vi: "Đài truyền thanh xã", en: "Commune radio station" },
        legal: ref(I, "Chỉ tiêu 8.3, điểm a"),
        check: { kind: "flag", fact: "radio_station" },
      },
      {
        id: "8.3.b.loa",
        text: "Có ít nhất 2/3 số thôn, bản trong xã có hệ thống loa hoạt động",
        name: { vi: "Hệ thống loa ở các thôn, bản", en: "Loudspeakers in the villages" },
        legal: ref(I, "Chỉ tiêu 8.3, điểm b"),
        check: { kind: "villages", anyOf: ["loudspeaker"], count: "villages_loudspeaker", threshold: rational(2, 3), noun: { vi: "thôn, bản có hệ thống loa hoạt động", en: "villages with an operating loudspeaker system" } },
      },
      {
        id: "8.3.c.tiep_song",
        text: TIEP_SONG,
        name: { vi: "Tiếp sóng Đài TNVN, Đài PT-TH tỉnh", en: "Relaying VOV and the provincial station" },
        legal: ref(I, "Chỉ tiêu 8.3, Lưu ý"),
        check: { kind: "flag", fact: "radio_relay" },
      },
      {
        id: "8.3.d.tin_bai",
        text: TIN_BAI,
        name: { vi: "Tin tức do xã tự sản xuất", en: "Self-produced news" },
        legal: ref(I, "Chỉ tiêu 8.3, Lưu ý"),
        check: { kind: "atLeast", fact: "radio_news_per_week", min: 3 },
      },
    ],
    evidence: docs(
      "",
      "Quyết định thành lập ban biên tập Đài truyền thanh xã",
      "Quy chế hoạt động của Đài truyền thanh xã (Quyết định do UBND xã ban hành).",
      "Giấy phép tần số vô tuyến điện (đối với đài FM).",
      "Sổ nhật ký truyền thanh.",
    ),
  },
  {
    id: "8.4",
    title: "Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành",
    titleEn: "The commune uses IT in management and operation",
    legal: ref(I, "Chỉ tiêu 8.4"),
    scope: "commune",
    conditions: [
      {
        id: "8.4.a.may_tinh",
        text: "Tỷ lệ máy vi tính/số cán bộ, công chức của xã đạt tối thiểu 50%;",
        name: { vi: "Máy vi tính/cán bộ, công chức", en: "Computers per official" },
        legal: ref(I, "Chỉ tiêu 8.4, điểm a"),
        // "Tỷ lệ máy vi tính/số cán bộ, công chức": a count of computers may exceed the officials (above 100 %).
        check: {
          kind: "ratio",
          part: "officials_with_computer",
          whole: "officials",
          rate: "computer_rate",
          threshold: pct(50),
          noun: { vi: "CBCC có máy vi tính", en: "officials with a computer" },
          per: { fact: "computers", noun: { vi: "máy vi tính", en: "computers" }, wholeNoun: { vi: "CBCC", en: "officials" } },
        },
      },
      {
        id: "8.4.b.qlvb",
        text: "Hệ thống quản lý văn bản và điều hành (địa chỉ: https://vanphongdientu.langson.gov.vn/);",
        name: { vi: "Hệ thống quản lý văn bản và điều hành", en: "Document management system" },
        legal: ref(I, "Chỉ tiêu 8.4, điểm b"),
        check: { kind: "flag", fact: "sw_qlvb" },
      },
      {
        id: "8.4.b.thu_cong_vu",
        text: "Hệ thống thư điện tử công vụ (địa chỉ: https://mail.langson.gov.vn/);",
        name: { vi: "Thư điện tử công vụ", en: "Official e-mail" },
        legal: ref(I, "Chỉ tiêu 8.4, điểm b"),
        check: { kind: "flag", fact: "sw_email" },
      },
      {
        id: "8.4.b.mot_cua",
        text: "Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử (địa chỉ: https://dichvucong.langson.gov.vn/);",
        name: { vi: "Cổng dịch vụ công, một cửa điện tử", en: "Public service portal and one-stop system" },
        legal: ref(I, "Chỉ tiêu 8.4, điểm b"),
        check: { kind: "flag", fact: "sw_mot_cua" },
      },
      {
        id: "8.4.b.trang_ttdt",
        text: "Trang thông tin điện tử có chức năng cung cấp thông tin phục vụ công tác quản lý, điều hành và cung cấp dịch vụ công trực tuyến. Thường xuyên cập nhật các hoạt động của hệ thống chính quyền cấp xã (tối thiểu 03 tin, bài/tháng; 36 tin, bài/năm).",
        name: { vi: "Trang thông tin điện tử xã", en: "Commune website" },
        legal: ref(I, "Chỉ tiêu 8.4, điểm b"),
        check: {
          kind: "all",
          of: [
            { kind: "flag", fact: "website" },
            { kind: "atLeast", fact: "website_posts_year", min: 36 },
            { kind: "atLeast", fact: "website_posts_min_month", min: 3 },
          ],
        },
      },
      {
        id: "8.4.c.ho_so_truc_tuyen",
        text: "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính của xã đạt tối thiểu 30%.",
        name: { vi: "Hồ sơ giải quyết trực tuyến", en: "Dossiers handled online" },
        legal: ref(I, "Chỉ tiêu 8.4, điểm c"),
        check: { kind: "ratio", part: "dossiers_online", whole: "dossiers_total", rate: "dossiers_online_rate", threshold: pct(30), noun: { vi: "hồ sơ giải quyết trực tuyến", en: "dossiers handled online" } },
      },
    ],
    evidence: docs(
      "",
      "Danh sách cán bộ/công chức có máy tính",
      "Danh mục các phần mềm dùng chung xã đang khai thác sử dụng (quản lý điều hành, một cửa điện tử, chữ ký số, thư điện tử công vụ,...);",
      "Địa chỉ truy cập Trang thông tin điện tử xã",
      BAO_CAO_DVC,
    ),
  },
];

const WIFI_BAT_BUOC = "Các điểm công cộng bắt buộc phải có mạng wifi miễn phí: UBND xã, nhà văn hóa xã, trạm Y tế.";

const NC: readonly IndicatorDef[] = [
  {
    id: "8.1",
    title: "Xã có điểm phục vụ bưu chính đáp ứng cung cấp dịch vụ công trực tuyến cho người dân",
    titleEn: "The commune's postal service point can serve citizens with online public services",
    legal: ref(II, "Chỉ tiêu 8.1"),
    scope: "commune",
    conditions: [
      {
        id: "8.1.nc.dvc",
        text: "Ngoài việc đáp ứng các điều kiện của xã đạt chuẩn, điểm phục vụ bưu chính tại xã nông thôn mới nâng cao phải đáp ứng khả năng phục vụ người dân có nhu cầu sử dụng dịch vụ công trực tuyến.",
        name: { vi: "Điểm phục vụ bưu chính cung cấp dịch vụ công trực tuyến", en: "Postal point serving online public services" },
        legal: ref(II, "Chỉ tiêu 8.1"),
        check: { kind: "postalAny", of: [...POSTAL_CONDITIONS.map((c) => c.check), { kind: "flag", fact: "online_service_support" }] },
      },
    ],
    evidence: docs(
      "Do điểm phục vụ bưu chính cung cấp",
      // The guidance writes "dung cấp": corrected to "cung cấp" (docs/DECISIONS.md).
      "Các tài liệu về việc được đào tạo, tập huấn nghiệp vụ cung cấp dịch vụ công trực tuyến của nhân viên điểm phục vụ bưu chính",
    ),
  },
  {
    id: "8.2",
    title: "Xã có thuê bao sử dụng điện thoại thông minh",
    titleEn: "Smartphone subscriptions in the commune",
    legal: ref(II, "Chỉ tiêu 8.2"),
    scope: "commune",
    conditions: [
      {
        id: "8.2.nc.dttm",
        text: "Xã có tỷ lệ dân số theo độ tuổi lao động có thuê bao sử dụng điện thoại thông minh đạt: Tối thiểu 50% đối với các xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo; Tối thiểu 80% đối với các xã còn lại.",
        name: { vi: "Thuê bao điện thoại thông minh", en: "Smartphone subscriptions" },
        legal: ref(II, "Chỉ tiêu 8.2"),
        check: { kind: "ratio", part: "smartphone_users", whole: "working_age", rate: "smartphone_rate", threshold: byArea(50, 80, DTTS_MIEN_NUI_HAI_DAO), noun: { vi: "người trong độ tuổi lao động có thuê bao ĐTTM", en: "working-age people with a smartphone subscription" } },
      },
    ],
    evidence: docs(
      "Có xác nhận của Trưởng thôn (có thể phối hợp DN viễn thông để lập)",
      "Danh sách người dân trong độ tuổi lao động có sử dụng điện thoại thông minh",
    ),
  },
  {
    id: "8.3",
    title: "Xã có dịch vụ báo chí, truyền thông",
    titleEn: "Press and media services in the commune",
    legal: ref(II, "Chỉ tiêu 8.3"),
    scope: "commune",
    conditions: [
      {
        id: "8.3.nc.a.loa",
        text: "100% thôn của xã khu vực đồng bằng có hệ thống loa hoạt động thường xuyên; 90% thôn, bản của xã khu vực miền núi có hệ thống loa hoạt động thường xuyên.",
        name: { vi: "Loa hoạt động thường xuyên", en: "Loudspeakers operating regularly" },
        legal: ref(II, "Chỉ tiêu 8.3, điểm a"),
        check: { kind: "villages", anyOf: ["loudspeaker_regular"], count: "villages_loudspeaker_regular", threshold: byArea(90, 100, KHU_VUC), noun: { vi: "thôn, bản có loa hoạt động thường xuyên", en: "villages with loudspeakers operating regularly" } },
      },
      {
        id: "8.3.nc.a.tiep_song",
        text: "Thực hiện tiếp sóng các khung giờ của Đài Tiếng nói Việt Nam, Đài Phát thanh và Truyền hình tỉnh.",
        name: { vi: "Tiếp sóng Đài TNVN, Đài PT-TH tỉnh", en: "Relaying VOV and the provincial station" },
        legal: ref(II, "Chỉ tiêu 8.3, điểm a"),
        check: { kind: "flag", fact: "radio_relay" },
      },
      {
        id: "8.3.nc.a.tin_bai",
        text: TIN_BAI,
        name: { vi: "Tin tức do xã tự sản xuất", en: "Self-produced news" },
        legal: ref(II, "Chỉ tiêu 8.3, điểm a"),
        check: { kind: "atLeast", fact: "radio_news_per_week", min: 3 },
      },
      {
        id: "8.3.nc.b.truyen_hinh",
        text: "100% số thôn trong xã có hộ gia đình thu xem được 01 trong số các phương thức truyền hình vệ tinh, cáp, số mặt đất, truyền hình qua mạng Internet;",
        name: { vi: "Truyền hình ở các thôn", en: "Television in the villages" },
        legal: ref(II, "Chỉ tiêu 8.3, điểm b"),
        check: { kind: "villages", anyOf: ["tv"], count: "villages_tv", threshold: ALL_VILLAGES, noun: { vi: "thôn có hộ thu xem được truyền hình", en: "villages with households receiving TV" } },
      },
      {
        id: "8.3.nc.c.xuat_ban_pham",
        text: "Có ít nhất một điểm cung cấp xuất bản phẩm. Được hiểu là điểm đọc và điểm bán các xuất bản phẩm gồm: Thư viện, điểm bán sách, điểm bưu điện văn hóa xã (nếu có sách, báo, tạp chí... bán cho người dân hoặc cho người dân đọc miễn phí)",
        name: { vi: "Điểm cung cấp xuất bản phẩm", en: "Publication points" },
        legal: ref(II, "Chỉ tiêu 8.3, điểm c"),
        check: { kind: "atLeast", fact: "publication_points", min: 1 },
      },
    ],
    evidence: docs(
      "Có xác nhận của Trưởng thôn",
      "Danh sách các hộ gia đình thu xem được một trong số các loại dịch vụ truyền hình/loại dịch vụ (vệ tinh, cáp, số mặt đất, internet)",
      "Danh sách các điểm cung cấp xuất bản phẩm",
    ),
  },
  {
    id: "8.4",
    title: "Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành phục vụ đời sống kinh tế - xã hội và tổ chức lấy ý kiến sự hài lòng của người dân về kết quả xây dựng nông thôn mới",
    titleEn: "IT in management and in economic and social life, and citizen satisfaction survey",
    legal: ref(II, "Chỉ tiêu 8.4"),
    scope: "commune",
    conditions: [
      {
        id: "8.4.nc.a.ho_so_truc_tuyen",
        text: "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính của xã đạt tối thiểu 50%.",
        name: { vi: "Hồ sơ giải quyết trực tuyến", en: "Dossiers handled online" },
        legal: ref(II, "Chỉ tiêu 8.4, điểm a"),
        check: { kind: "ratio", part: "dossiers_online", whole: "dossiers_total", rate: "dossiers_online_rate", threshold: pct(50), noun: { vi: "hồ sơ giải quyết trực tuyến", en: "dossiers handled online" } },
      },
      {
        id: "8.4.nc.b.can_bo_ky_nang_so",
        text: "Tỷ lệ cán bộ, công chức cấp xã được bồi dưỡng, tập huấn kiến thức, kỹ năng số và an toàn thông tin đạt: Tối thiểu 80% đối với các xã vùng đồng bào dân tộc thiểu số và miền núi và 100% đối với các xã còn lại;",
        name: { vi: "Bồi dưỡng kỹ năng số, an toàn thông tin cho cán bộ, công chức", en: "Digital skills and security training of officials" },
        legal: ref(II, "Chỉ tiêu 8.4, điểm b"),
        check: { kind: "ratio", part: "officials_trained", whole: "officials", rate: "officials_trained_rate", threshold: byArea(80, 100, DTTS_MIEN_NUI), noun: { vi: "CBCC được bồi dưỡng kỹ năng số, ATTT", en: "officials trained in digital skills" } },
      },
      {
        id: "8.4.nc.c.nguoi_dan_ky_nang_so",
        text: "Tỷ lệ người dân trong độ tuổi lao động được phổ biến kiến thức về sử dụng máy tính và kỹ năng số cơ bản đạt: Tối thiểu 50% đối với các xã vùng đồng bào dân tộc thiểu số và miền núi; Tối thiểu 70% đối với các xã còn lại;",
        name: { vi: "Phổ biến kỹ năng số cho người dân", en: "Digital skills for citizens" },
        legal: ref(II, "Chỉ tiêu 8.4, điểm c"),
        check: { kind: "ratio", part: "citizens_trained", whole: "working_age", rate: "citizens_trained_rate", threshold: byArea(50, 70, DTTS_MIEN_NUI), noun: { vi: "người trong độ tuổi lao động được phổ biến kỹ năng số", en: "working-age people given digital-skills training" } },
      },
      {
        id: "8.4.nc.d.ocop",
        text: "100% sản phẩm OCOP của xã được giới thiệu, quảng bá trên nền tảng sàn thương mại điện tử (Voso, Postmart, chợ trực tuyến Hợp tác xã Việt Nam...)",
        name: { vi: "Sản phẩm OCOP trên sàn thương mại điện tử", en: "OCOP products on e-commerce platforms" },
        legal: ref(II, "Chỉ tiêu 8.4, điểm d"),
        check: { kind: "ratio", part: "ocop_online", whole: "ocop_products", rate: "ocop_online_rate", threshold: pct(100), noun: { vi: "sản phẩm OCOP trên sàn TMĐT", en: "OCOP products on e-commerce platforms" }, zeroWhole: "pass" },
      },
      {
        id: "8.4.nc.dd.dia_chi_so",
        text: "100% hộ gia đình, cơ quan, tổ chức, khu di tích được thông báo, gắn biển địa chỉ số đến từng điểm địa chỉ.",
        name: { vi: "Địa chỉ số", en: "Digital addresses" },
        legal: ref(II, "Chỉ tiêu 8.4, điểm đ"),
        check: { kind: "ratio", part: "address_plates", whole: "address_points", rate: "address_plates_rate", threshold: pct(100), noun: { vi: "hộ, cơ quan, tổ chức, khu di tích được gắn biển địa chỉ số", en: "households, agencies and sites with a digital address plate" } },
      },
      {
        id: "8.4.nc.khao_sat",
        text: "tổ chức lấy ý kiến sự hài lòng của người dân về kết quả xây dựng nông thôn mới",
        name: { vi: "Lấy ý kiến sự hài lòng của người dân", en: "Citizen satisfaction survey" },
        legal: ref(II, "Chỉ tiêu 8.4, tên chỉ tiêu"),
        check: { kind: "info", fact: "satisfaction_survey" },
        informational: true,
      },
    ],
    evidence: docs(
      "",
      `${BAO_CAO_DVC}.`,
      "Các tài liệu minh chứng về công tác bồi dưỡng, tập huấn kiến thức, kỹ năng số và an toàn thông tin đối với các cán bộ, công chức xã: Các khóa bồi dưỡng, tập huấn tự mở; do đơn vị chuyên môn khác mở; các chứng chỉ có liên quan nếu có.",
      "Các tài liệu minh chứng về phổ biến kiến thức sử dụng máy tính và kỹ năng số cơ bản cho người dân trong độ tuổi lao động: Các hội nghị, lớp tập huấn trực tiếp, trực tuyến (xã, thôn); Tài liệu giấy, tài liệu điện tử được gửi qua đường điện tử cho người lao động.",
      // The guidance writes "tên sản,": corrected to "tên sản phẩm," (docs/DECISIONS.md).
      "Danh mục các sản phẩm OCOP của xã được giới thiệu, quảng bá trên sàn TMĐT: tên sản phẩm, đơn vị cung cấp sản phẩm, số sao đạt được",
      ["Danh mục địa chỉ số của hộ gia đình, cơ quan, tổ chức, khu di tích được thông báo, gắn biển", "Phối hợp Bưu điện huyện để có số liệu"],
    ),
  },
  {
    id: "8.5",
    title: "Xã có mạng wifi miễn phí ở các điểm công cộng (khu vực trung tâm xã, nơi sinh hoạt cộng đồng, điểm du lịch cộng đồng,...)",
    titleEn: "Free Wi-Fi at public places",
    legal: ref(II, "Chỉ tiêu 8.5"),
    scope: "commune",
    conditions: [
      {
        id: "8.5.nc.a.ubnd",
        text: WIFI_BAT_BUOC,
        name: { vi: "Wifi miễn phí tại UBND xã", en: "Free Wi-Fi at the People's Committee" },
        legal: ref(II, "Chỉ tiêu 8.5, điểm a"),
        check: { kind: "flag", fact: "wifi_ubnd" },
      },
      {
        id: "8.5.nc.a.nha_van_hoa",
        text: WIFI_BAT_BUOC,
        name: { vi: "Wifi miễn phí tại nhà văn hóa xã", en: "Free Wi-Fi at the cultural house" },
        legal: ref(II, "Chỉ tiêu 8.5, điểm a"),
        check: { kind: "flag", fact: "wifi_nha_van_hoa" },
      },
      {
        id: "8.5.nc.a.tram_y_te",
        text: WIFI_BAT_BUOC,
        name: { vi: "Wifi miễn phí tại trạm y tế", en: "Free Wi-Fi at the health station" },
        legal: ref(II, "Chỉ tiêu 8.5, điểm a"),
        check: { kind: "flag", fact: "wifi_tram_y_te" },
      },
      {
        id: "8.5.nc.a.khuyen_khich",
        text: "Các điểm công cộng khuyến khích có mạng wifi miễn phí: Trường học, nhà văn hóa thôn, các điểm du lịch công cộng, khu vui chơi giải trí cộng đồng, chợ, các cơ sở tôn giáo và các địa điểm khác do địa phương đề xuất.",
        name: { vi: "Wifi miễn phí ở các điểm công cộng khuyến khích", en: "Free Wi-Fi at encouraged public places" },
        legal: ref(II, "Chỉ tiêu 8.5, điểm a"),
        check: { kind: "info", fact: "wifi_other_places" },
        informational: true,
      },
      {
        id: "8.5.nc.b.chat_luong",
        text: "Mạng wifi phải đáp ứng chất lượng dịch vụ, các điều kiện kỹ thuật khai thác và an toàn, an ninh thông tin theo quy định hiện hành.",
        name: { vi: "Chất lượng, an toàn thông tin của mạng wifi", en: "Wi-Fi quality and security" },
        legal: ref(II, "Chỉ tiêu 8.5, điểm b"),
        check: { kind: "flag", fact: "wifi_quality" },
      },
    ],
    evidence: docs(
      "",
      "Sơ đồ kết nối mạng wifi tại các địa điểm bắt buộc.",
      "Danh mục các địa điểm có mạng wifi khuyến khích lắp đặt khác.",
    ),
  },
];

export const LANGSON_2022: RuleSet = {
  id: "langson-2022",
  version: "2022.09",
  name: "Tiêu chí số 8 – Thông tin và Truyền thông, xã NTM và xã NTM nâng cao, tỉnh Lạng Sơn, giai đoạn 2021–2025",
  province: "Lạng Sơn",
  sources: [
    "Hướng dẫn của Sở Thông tin và Truyền thông Lạng Sơn (tháng 9/2022), Phụ lục I và Phụ lục II",
    "Quyết định số 1127/QĐ-BTTTT ngày 22/6/2022 của Bộ trưởng Bộ Thông tin và Truyền thông",
    "Quyết định 1494/QĐ-UBND ngày 14/9/2022 của UBND tỉnh Lạng Sơn",
  ],
  // docs/rules.md §1: Lạng Sơn is a mountainous border province; a blank area is miền núi, and said so.
  defaultArea: "mien_nui",
  areaNames: {
    mien_nui: { vi: "miền núi", en: "mountainous" },
    dong_bang: { vi: "đồng bằng", en: "lowland" },
  },
  levels: [
    { id: "ntm", name: { vi: "NTM", en: "NTM" }, criterion: "TC8 NTM", annex: I, prerequisites: [], indicators: NTM },
    { id: "nc", name: { vi: "NTM nâng cao", en: "Advanced NTM" }, criterion: "TC8 NC", annex: II, prerequisites: ["ntm"], indicators: NC },
  ],
};
