"""A second `make run` skips the demo load but still prints the logins."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from ops.demo import demo_users


def _printed() -> list[str]:
    out = StringIO()
    call_command("demo_logins", stdout=out)
    return out.getvalue().splitlines()


def test_the_logins_print_again_as_the_demo_load_printed_them(db):
    made = demo_users(units=False)
    get_user_model().objects.filter(username="committee2").delete()  # a user removed since: not offered

    lines = _printed()

    assert lines[:2] == ["", "ผู้ใช้ตัวอย่าง (ชื่อผู้ใช้ / รหัสผ่าน):"]
    assert lines[2:-1] == [f"  {u:<15} {p}   {r}" for u, p, r in made if u != "committee2"]
    assert lines[-1].startswith("central และผู้จัดการประกวดตั้งค่ายืนยันตัวตนขั้นที่สอง")  # how, before a freeze
    assert "  central         cdd4-demo-2566   เจ้าหน้าที่ส่วนกลาง" in lines


def test_without_a_demo_it_says_how_to_load_one(db):
    assert _printed() == ["ไม่มีผู้ใช้ตัวอย่าง (โหลดด้วย bootstrap --demo)"]
