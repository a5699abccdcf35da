"""Request handling shared by every app and the project's middleware (cdd4.middleware reads these marks)."""


def takes_files(view):
    """Marks a view that authenticates and authorises its sender before it reads the body."""
    view.takes_files = True
    return view
