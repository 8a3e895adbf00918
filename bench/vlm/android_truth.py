#!/usr/bin/env python3
"""Writes ground truth for DroidBot Android states: for each screen_<t>.png with state_<t>.json in SRC, links the
screenshot as <t>.png in OUT and writes <t>.truth.json with the boxes of the visible views that are clickable or
editable or are widgets (button, check box, image or text view classes). Views covering more than 40% of the
screen are layout, not controls, and identical boxes count once.

A view tree keeps the views under a full-screen overlay, such as a photo viewer opened over a grid. Android draws
views in tree order, so a view is counted as hidden when an image view drawn after it, outside its own subtree and
its ancestors, covers its whole box. With --as-listed, hidden views are counted too, as the tree lists them.

Usage: android_truth.py [--as-listed] SRC OUT"""
import json
import os
import re
import sys

WIDGET = re.compile(r"(Button|CheckBox|ImageView|TextView|EditText|Switch|RadioButton|ToggleButton|Spinner)$")


def ancestors(view, by_id):
    found, parent = set(), view.get("parent")
    while parent is not None and parent in by_id and parent not in found:
        found.add(parent)
        parent = by_id[parent].get("parent")
    return found


def covers(outer, inner):
    (ox1, oy1), (ox2, oy2) = outer["bounds"]
    (ix1, iy1), (ix2, iy2) = inner["bounds"]
    return ox2 > ox1 and oy2 > oy1 and ox1 <= ix1 and oy1 <= iy1 and ox2 >= ix2 and oy2 >= iy2


def hidden_ids(views):
    """Ids of the views that an image view drawn later covers whole."""
    by_id = {v["temp_id"]: v for v in views}
    lineage = {v["temp_id"]: ancestors(v, by_id) for v in views}
    images = [(i, v) for i, v in enumerate(views)
              if v.get("visible", True) and (v.get("class") or "").endswith("ImageView")]
    hidden = set()
    for index, view in enumerate(views):
        own = view["temp_id"]
        for later, image in images:
            other = image["temp_id"]
            if later <= index or other in lineage[own] or own in lineage[other]:
                continue
            if covers(image, view):
                hidden.add(own)
                break
    return hidden


def main():
    args = sys.argv[1:]
    as_listed = "--as-listed" in args
    src, out = [a for a in args if a != "--as-listed"]
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(src)):
        match = re.match(r"state_(.+)\.json$", name)
        if not match:
            continue
        stamp = match.group(1)
        screen = os.path.join(src, "screen_%s.png" % stamp)
        if not os.path.exists(screen):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            views = json.load(f)["views"]
        hidden = set() if as_listed else hidden_ids(views)
        width = max(v["bounds"][1][0] for v in views)
        height = max(v["bounds"][1][1] for v in views)
        boxes, seen = [], set()
        for view in views:
            if not view.get("visible", True) or view["temp_id"] in hidden:
                continue
            widget = WIDGET.search(view.get("class") or "") is not None
            if not (view.get("clickable") or view.get("editable") or widget):
                continue
            (x1, y1), (x2, y2) = view["bounds"]
            box = (x1, y1, x2 - x1, y2 - y1)
            if box[2] < 3 or box[3] < 3 or box[2] * box[3] > 0.4 * width * height or box in seen:
                continue
            seen.add(box)
            boxes.append({"x": box[0], "y": box[1], "width": box[2], "height": box[3],
                          "class": view.get("class"), "text": view.get("text")})
        link = os.path.join(out, stamp + ".png")
        if os.path.lexists(link):
            os.remove(link)
        os.symlink(os.path.abspath(screen), link)
        with open(os.path.join(out, stamp + ".truth.json"), "w", encoding="utf-8") as f:
            json.dump(boxes, f, indent=1)
        print("%s: %d ground-truth boxes" % (stamp, len(boxes)))


if __name__ == "__main__":
    main()
