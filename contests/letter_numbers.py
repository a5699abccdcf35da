"""How a provincial office numbers its letters ("ที่ ชม 0019/ว 1234"): the province's abbreviation (อักษรย่อจังหวัด),
then 0019, the provincial community-development office's number in its province, as the seeds' own letters are
numbered (seed 003: "นค ๐๐๑๙.๒/ว ๖๐๗", Nong Khai; seed 004: "อบ ๐๐๑๙/ว ๕๙๙", Ubon Ratchathani). A form that asks
for an office's letter shows one numbered so as its example, never the Department's ("มท 0410.4/ว …")."""

from __future__ import annotations

from contests.models import Unit

# ISO 3166-2:TH code → the province's abbreviation in the numbers of its offices' letters; every province of
# contests/data/provinces.json (tests/contests/test_letter_numbers.py holds the two lists to each other).
ABBREVIATIONS = {
    "TH-11": "สป",  # สมุทรปราการ
    "TH-12": "นบ",  # นนทบุรี
    "TH-13": "ปท",  # ปทุมธานี
    "TH-14": "อย",  # พระนครศรีอยุธยา
    "TH-15": "อท",  # อ่างทอง
    "TH-16": "ลบ",  # ลพบุรี
    "TH-17": "สห",  # สิงห์บุรี
    "TH-18": "ชน",  # ชัยนาท
    "TH-19": "สบ",  # สระบุรี
    "TH-20": "ชบ",  # ชลบุรี
    "TH-21": "รย",  # ระยอง
    "TH-22": "จบ",  # จันทบุรี
    "TH-23": "ตร",  # ตราด
    "TH-24": "ฉช",  # ฉะเชิงเทรา
    "TH-25": "ปจ",  # ปราจีนบุรี
    "TH-26": "นย",  # นครนายก
    "TH-27": "สก",  # สระแก้ว
    "TH-30": "นม",  # นครราชสีมา
    "TH-31": "บร",  # บุรีรัมย์
    "TH-32": "สร",  # สุรินทร์
    "TH-33": "ศก",  # ศรีสะเกษ
    "TH-34": "อบ",  # อุบลราชธานี
    "TH-35": "ยส",  # ยโสธร
    "TH-36": "ชย",  # ชัยภูมิ
    "TH-37": "อจ",  # อำนาจเจริญ
    "TH-38": "บก",  # บึงกาฬ
    "TH-39": "นภ",  # หนองบัวลำภู
    "TH-40": "ขก",  # ขอนแก่น
    "TH-41": "อด",  # อุดรธานี
    "TH-42": "ลย",  # เลย
    "TH-43": "นค",  # หนองคาย
    "TH-44": "มค",  # มหาสารคาม
    "TH-45": "รอ",  # ร้อยเอ็ด
    "TH-46": "กส",  # กาฬสินธุ์
    "TH-47": "สน",  # สกลนคร
    "TH-48": "นพ",  # นครพนม
    "TH-49": "มห",  # มุกดาหาร
    "TH-50": "ชม",  # เชียงใหม่
    "TH-51": "ลพ",  # ลำพูน
    "TH-52": "ลป",  # ลำปาง
    "TH-53": "อต",  # อุตรดิตถ์
    "TH-54": "พร",  # แพร่
    "TH-55": "นน",  # น่าน
    "TH-56": "พย",  # พะเยา
    "TH-57": "ชร",  # เชียงราย
    "TH-58": "มส",  # แม่ฮ่องสอน
    "TH-60": "นว",  # นครสวรรค์
    "TH-61": "อน",  # อุทัยธานี
    "TH-62": "กพ",  # กำแพงเพชร
    "TH-63": "ตก",  # ตาก
    "TH-64": "สท",  # สุโขทัย
    "TH-65": "พล",  # พิษณุโลก
    "TH-66": "พจ",  # พิจิตร
    "TH-67": "พช",  # เพชรบูรณ์
    "TH-70": "รบ",  # ราชบุรี
    "TH-71": "กจ",  # กาญจนบุรี
    "TH-72": "สพ",  # สุพรรณบุรี
    "TH-73": "นฐ",  # นครปฐม
    "TH-74": "สค",  # สมุทรสาคร
    "TH-75": "สส",  # สมุทรสงคราม
    "TH-76": "พบ",  # เพชรบุรี
    "TH-77": "ปข",  # ประจวบคีรีขันธ์
    "TH-80": "นศ",  # นครศรีธรรมราช
    "TH-81": "กบ",  # กระบี่
    "TH-82": "พง",  # พังงา
    "TH-83": "ภก",  # ภูเก็ต
    "TH-84": "สฎ",  # สุราษฎร์ธานี
    "TH-85": "รน",  # ระนอง
    "TH-86": "ชพ",  # ชุมพร
    "TH-90": "สข",  # สงขลา
    "TH-91": "สต",  # สตูล
    "TH-92": "ตง",  # ตรัง
    "TH-93": "พท",  # พัทลุง
    "TH-94": "ปน",  # ปัตตานี
    "TH-95": "ยล",  # ยะลา
    "TH-96": "นธ",  # นราธิวาส
}
OFFICE_NUMBER = "0019"  # the provincial community-development office, in every province's numbering


def letter_example(office: Unit) -> str:
    """A letter number as a provincial office's own letters write it, for a form's example: "ชม 0019/ว 1234" for
    Chiang Mai's; "" for a unit that is no province (its numbering is not known here)."""
    abbreviation = ABBREVIATIONS.get(office.code)
    return f"{abbreviation} {OFFICE_NUMBER}/ว 1234" if abbreviation else ""
