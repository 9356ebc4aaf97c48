"""The officials' data in the corpus: communes of Lạng Sơn, their villages and postal points.

Headers are TC8's canonical ones (src/core/fields.ts) written out here on purpose: a fixture must
not change because an alias list changed. Each commune is a passing commune plus one "story" (a
change that makes one condition fail, lack data or pass at the edge), so every file has communes
that pass, fail at NTM (a marked input cell) and fail at NC only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
import zlib
from typing import Any

# (key, canonical header) of the communes sheet as TC8's template writes it, in its order.
COMMUNE_COLUMNS: list[tuple[str, str]] = [
    ("commune", "Tên xã"),
    ("code", "Mã xã"),
    ("district", "Huyện"),
    ("area", "Khu vực (Miền núi / Đồng bằng)"),
    ("telecom_qcvn", "Dịch vụ VT, Internet đáp ứng QCVN"),
    ("radio_station", "Có đài truyền thanh xã"),
    ("radio_relay", "Tiếp sóng Đài TNVN, Đài PT-TH tỉnh"),
    ("radio_news_per_week", "Số tin, bài tự sản xuất/tuần"),
    ("officials", "Số cán bộ, công chức xã"),
    ("officials_with_computer", "Số CBCC có máy vi tính"),
    ("sw_qlvb", "Sử dụng hệ thống QLVB và điều hành"),
    ("sw_email", "Sử dụng thư điện tử công vụ"),
    ("sw_mot_cua", "Sử dụng Cổng DVC, một cửa điện tử"),
    ("website", "Trang thông tin điện tử xã (địa chỉ)"),
    ("website_posts_year", "Số tin, bài trên trang TTĐT trong năm"),
    ("website_posts_min_month", "Số tin, bài tháng ít nhất"),
    ("dossiers_total", "Tổng số hồ sơ TTHC đã giải quyết"),
    ("dossiers_online", "Số hồ sơ giải quyết trực tuyến"),
    ("working_age", "Dân số trong độ tuổi lao động"),
    ("smartphone_users", "Số người trong độ tuổi LĐ có thuê bao ĐTTM"),
    ("officials_trained", "Số CBCC được bồi dưỡng kỹ năng số, ATTT"),
    ("citizens_trained", "Số người trong độ tuổi LĐ được phổ biến kỹ năng số"),
    ("publication_points", "Số điểm cung cấp xuất bản phẩm"),
    ("ocop_products", "Số sản phẩm OCOP"),
    ("ocop_online", "Số sản phẩm OCOP trên sàn TMĐT"),
    ("address_points", "Số hộ, cơ quan, tổ chức, khu di tích"),
    ("address_plates", "Số điểm đã gắn biển địa chỉ số"),
    ("satisfaction_survey", "Tổ chức lấy ý kiến sự hài lòng của người dân"),
    ("wifi_ubnd", "Wifi miễn phí tại UBND xã"),
    ("wifi_nha_van_hoa", "Wifi miễn phí tại nhà văn hóa xã"),
    ("wifi_tram_y_te", "Wifi miễn phí tại trạm y tế"),
    ("wifi_quality", "Wifi đáp ứng chất lượng, ATTT"),
    ("wifi_other_places", "Số điểm công cộng khác có wifi miễn phí"),
]

# Village counts and one postal point per commune, for the one-sheet form (no villages sheet).
VILLAGE_COUNT_COLUMNS: list[tuple[str, str]] = [
    ("villages_total", "Tổng số thôn, bản"),
    ("villages_phone", "Số thôn có dịch vụ điện thoại"),
    ("villages_internet", "Số thôn có dịch vụ Internet"),
    ("villages_loudspeaker", "Số thôn có loa hoạt động"),
    ("villages_loudspeaker_regular", "Số thôn có loa hoạt động thường xuyên"),
    ("villages_tv", "Số thôn có hộ thu xem truyền hình"),
]
POSTAL_POINT_COLUMNS: list[tuple[str, str]] = [
    ("premises", "Có mặt bằng, trang thiết bị phù hợp"),
    ("sign", "Có biển tên điểm phục vụ"),
    ("posted_info", "Niêm yết giờ mở cửa, thông tin dịch vụ"),
    ("hours_per_day", "Số giờ mở cửa/ngày"),
    ("letters_2kg", "Dịch vụ thư đến 2 kg"),
    ("parcels_5kg", "Dịch vụ gói, kiện đến 5 kg"),
    ("online_service_support", "Hỗ trợ người dân sử dụng DVC trực tuyến"),
]

VILLAGE_COLUMNS: list[tuple[str, str]] = [
    ("commune", "Tên xã"),
    ("village", "Tên thôn, bản"),
    ("phone_fixed", "Điện thoại cố định"),
    ("phone_mobile", "Điện thoại di động"),
    ("internet_fixed", "Internet băng rộng cố định"),
    ("internet_mobile", "Internet băng rộng di động"),
    ("loudspeaker", "Có hệ thống loa hoạt động"),
    ("loudspeaker_regular", "Loa hoạt động thường xuyên"),
    ("tv", "Có hộ thu xem được truyền hình"),
    ("providers", "Doanh nghiệp cung cấp (VNPT, Viettel, MobiFone…)"),
]

POSTAL_COLUMNS: list[tuple[str, str]] = [
    ("commune", "Tên xã"),
    ("postal_point", "Tên điểm phục vụ bưu chính"),
] + POSTAL_POINT_COLUMNS

PASSING: dict[str, Any] = {
    "area": "Miền núi",
    "telecom_qcvn": "Có",
    "radio_station": "Có",
    "radio_relay": "Có",
    "radio_news_per_week": 3,
    "officials": 20,
    "officials_with_computer": 12,
    "sw_qlvb": "Có",
    "sw_email": "Có",
    "sw_mot_cua": "Có",
    "website_posts_year": 42,
    "website_posts_min_month": 3,
    "dossiers_total": 1000,
    "dossiers_online": 520,
    "working_age": 2000,
    "smartphone_users": 1200,
    "officials_trained": 18,
    "citizens_trained": 1100,
    "publication_points": 1,
    "ocop_products": 2,
    "ocop_online": 2,
    "address_points": 800,
    "address_plates": 800,
    "satisfaction_survey": "Có",
    "wifi_ubnd": "Có",
    "wifi_nha_van_hoa": "Có",
    "wifi_tram_y_te": "Có",
    "wifi_quality": "Có",
    "wifi_other_places": 2,
    # one-sheet form
    "villages_total": 4,
    "villages_phone": 4,
    "villages_internet": 4,
    "villages_loudspeaker": 4,
    "villages_loudspeaker_regular": 4,
    "villages_tv": 4,
    "premises": "Có",
    "sign": "Có",
    "posted_info": "Có",
    "hours_per_day": 8,
    "letters_2kg": "Có",
    "parcels_5kg": "Có",
    "online_service_support": "Có",
}

PASSING_VILLAGE: dict[str, Any] = {
    "phone_fixed": "Không",
    "phone_mobile": "Có",
    "internet_fixed": "Có",
    "internet_mobile": "Có",
    "loudspeaker": "Có",
    "loudspeaker_regular": "Có",
    "tv": "Có",
    "providers": "VNPT, Viettel",
}


@dataclass
class Story:
    """What is special about a commune, and the verdicts it leads to (NTM, NC)."""

    id: str
    text: str
    ntm: str  # Đạt / Không đạt / Thiếu dữ liệu
    nc: str
    row: dict[str, Any] = field(default_factory=dict)
    # changes to the village at this index (0-based) in the villages sheet; in the one-sheet
    # form the counts in `row` say the same
    village: dict[int, dict[str, Any]] = field(default_factory=dict)
    postal: dict[str, Any] = field(default_factory=dict)
    # the input cell TC8 marks, by field key (None when nothing is marked)
    marked: str | None = None
    failing: str = ""  # indicators that fail, as the command line prints them


D, K, T = "Đạt", "Không đạt", "Thiếu dữ liệu"

STORIES: dict[str, Story] = {s.id: s for s in [
    Story("pass", "đạt cả NTM và NTM nâng cao", D, D),
    Story("computers", "8/21 CBCC có máy vi tính (38 % < 50 %, 8.4.a)", K, K,
          row={"officials": 21, "officials_with_computer": 8, "officials_trained": 19}, marked="officials_with_computer", failing="8.4 NTM"),
    Story("news", "đài truyền thanh chỉ phát 2 tin/tuần (8.3.d)", K, K,
          row={"radio_news_per_week": 2}, marked="radio_news_per_week", failing="8.3 NTM, 8.3 NC"),
    Story("wifi", "chưa có wifi miễn phí ở trạm y tế (8.5 NC)", D, K,
          row={"wifi_tram_y_te": "Không"}, marked="wifi_tram_y_te", failing="8.5 NC"),
    Story("dongbang", "đồng bằng: 18/20 CBCC được bồi dưỡng < 100 % (8.4 NC)", D, K,
          row={"area": "Đồng bằng", "officials": 20, "officials_trained": 18, "working_age": 2000, "smartphone_users": 1700, "citizens_trained": 1500},
          marked="officials_trained", failing="8.4 NC"),
    Story("missing", "chưa ghi số tin, bài trên trang TTĐT trong năm (thiếu dữ liệu)", T, T,
          row={"website_posts_year": None}, marked="website_posts_year", failing="8.4 NTM"),
    Story("online", "hồ sơ trực tuyến 250/1000 = 25 % < 30 % (8.4.c)", K, K,
          row={"dossiers_total": 1000, "dossiers_online": 250}, marked="dossiers_online", failing="8.4 NTM, 8.4 NC"),
    Story("internet", "một bản chưa có Internet (8.2.a)", K, K,
          row={"villages_internet": 3}, village={2: {"internet_fixed": "Không", "internet_mobile": "Không"}}, marked=None, failing="8.2 NTM"),
    Story("loa", "một trong 4 thôn loa chưa hoạt động thường xuyên (75 % < 90 %, 8.3 NC)", D, K,
          row={"villages_loudspeaker_regular": 3}, village={1: {"loudspeaker_regular": "Không"}}, marked=None, failing="8.3 NC"),
    Story("hours", "điểm BĐVHX chỉ mở cửa 3 giờ/ngày (8.1.a)", K, K,
          row={"hours_per_day": 3}, postal={"hours_per_day": 3}, marked=None, failing="8.1 NTM, 8.1 NC"),
    Story("plates", "760/800 điểm gắn biển địa chỉ số (95 % < 100 %, 8.4 NC)", D, K,
          row={"address_points": 800, "address_plates": 760}, marked="address_plates", failing="8.4 NC"),
    Story("ocop0", "không có sản phẩm OCOP (8.4.d đạt), đạt cả hai cấp", D, D,
          row={"ocop_products": 0, "ocop_online": 0}),
]}

# Real communes of Lạng Sơn (before the 2025 merger), by district, with made-up figures.
DISTRICTS: dict[str, list[str]] = {
    "Bình Gia": ["Tân Văn", "Hồng Phong", "Mông Ân", "Hoàng Văn Thụ", "Hoa Thám", "Quý Hòa", "Hưng Đạo", "Thiện Long", "Minh Khai", "Tô Hiệu"],
    "Văn Quan": ["Tràng Các", "Tân Đoàn", "Tri Lễ", "Tú Xuyên", "Điềm He", "Yên Phúc", "Bình Phúc", "Xuân Mai"],
    "Cao Lộc": ["Hợp Thành", "Gia Cát", "Tân Liên", "Yên Trạch", "Thụy Hùng", "Thạch Đạn", "Hải Yến", "Lộc Yên"],
    "Chi Lăng": ["Quang Lang", "Chi Lăng", "Vân Thủy", "Y Tịch", "Hòa Bình", "Vạn Linh", "Bắc Thủy", "Gia Lộc"],
    "Lộc Bình": ["Khuất Xá", "Tú Đoạn", "Tam Gia", "Đông Quan", "Lục Thôn", "Xuân Dương", "Yên Khoái", "Hữu Khánh"],
    "Tràng Định": ["Đề Thám", "Hùng Sơn", "Kim Đồng", "Quốc Khánh", "Tân Tiến", "Đại Đồng", "Chí Minh", "Tri Phương"],
    "Bắc Sơn": ["Vũ Lễ", "Chiến Thắng", "Long Đống", "Hưng Vũ", "Quỳnh Sơn", "Vũ Sơn", "Tân Lập", "Tân Tri"],
    "Hữu Lũng": ["Đồng Tân", "Yên Thịnh", "Minh Tiến", "Hòa Thắng", "Cai Kinh", "Yên Bình", "Hữu Liên", "Thiện Tân"],
    "Văn Lãng": ["Hoàng Văn Thụ", "Tân Mỹ", "Hội Hoan", "Tân Tác", "Trùng Khánh", "Thành Hòa", "Bắc Hùng", "Tân Thanh"],
    "Đình Lập": ["Bính Xá", "Bắc Xa", "Kiên Mộc", "Lâm Ca", "Cường Lợi", "Châu Sơn", "Thái Bình", "Đồng Thắng"],
}

VILLAGE_PREFIXES = ["Nà", "Khuổi", "Bản", "Pác", "Còn", "Lũng", "Khau", "Kéo"]
VILLAGE_SUFFIXES = ["Pàn", "Hẩu", "Cằm", "Khuông", "Lầu", "Phạ", "Vài", "Tềnh", "Thôm", "Luông", "Pồng", "Mỏ", "Làng", "Chu", "Rị", "Nhàn", "Cướm", "Sỏm"]

SLUG = str.maketrans("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ", "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd")


def slug(name: str) -> str:
    return name.lower().translate(SLUG).replace(" ", "")


@dataclass
class Commune:
    name: str  # "Xã Tân Văn"
    district: str  # "Huyện Bình Gia"
    code: str  # "06277"
    story: Story
    row: dict[str, Any]
    villages: list[dict[str, Any]]
    postal: dict[str, Any]


def vary(row: dict[str, Any], seed: str) -> None:
    """Figures that differ from commune to commune (the same for the same name) and still pass."""
    h = zlib.crc32(seed.encode("utf-8"))

    def pick(lo: int, hi: int, k: int) -> int:
        return lo + (h >> k) % (hi - lo + 1)

    officials = pick(18, 24, 0)
    dossiers = pick(70, 150, 3) * 10
    working = pick(15, 35, 7) * 100
    points = pick(60, 120, 11) * 10
    ocop = pick(1, 4, 13)
    row.update({
        "officials": officials, "officials_with_computer": -(-officials * pick(55, 80, 2) // 100),
        "officials_trained": -(-officials * 9 // 10), "radio_news_per_week": pick(3, 6, 5),
        "website_posts_year": pick(36, 60, 9), "website_posts_min_month": pick(3, 5, 4),
        "dossiers_total": dossiers, "dossiers_online": dossiers * pick(52, 75, 6) // 100,
        "working_age": working, "smartphone_users": working * pick(60, 75, 8) // 100, "citizens_trained": working * pick(55, 65, 10) // 100,
        "address_points": points, "address_plates": points, "ocop_products": ocop, "ocop_online": ocop,
        "wifi_other_places": pick(0, 5, 12), "publication_points": pick(1, 2, 14),
    })


def communes(district: str, picks: list[tuple[str, str]], code0: int = 6200) -> list[Commune]:
    """Communes of `district`, each (short name, story id), with their villages and postal point."""
    out: list[Commune] = []
    for i, (short, sid) in enumerate(picks):
        s = STORIES[sid]
        name = f"Xã {short}"
        row = dict(PASSING)
        vary(row, f"{district}/{short}")
        row.update({"commune": name, "code": f"{code0 + 7 * i:05d}", "district": f"Huyện {district}",
                    "website": f"https://{slug(short)}.{slug(district)}.langson.gov.vn"})
        row.update(s.row)
        villages = []
        for j in range(4):
            v = dict(PASSING_VILLAGE)
            v.update({"commune": name, "village": f"{VILLAGE_PREFIXES[(i + j) % len(VILLAGE_PREFIXES)]} {VILLAGE_SUFFIXES[(3 * i + j) % len(VILLAGE_SUFFIXES)]}"})
            v.update(s.village.get(j, {}))
            villages.append(v)
        postal = {"commune": name, "postal_point": f"Điểm BĐVHX {short}", "premises": "Có", "sign": "Có", "posted_info": "Có",
                  "hours_per_day": 8, "letters_2kg": "Có", "parcels_5kg": "Có", "online_service_support": "Có"}
        postal.update(s.postal)
        out.append(Commune(name, f"Huyện {district}", row["code"], s, row, villages, postal))
    return out
