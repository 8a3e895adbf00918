#!/usr/bin/env python3
"""Writes ground truth for DroidBot Android states: for each screen_<t>.png with state_<t>.json in SRC, links the
screenshot as <t>.png in OUT and writes <t>.truth.json with the boxes of the visible views that are clickable or
editable or are widgets (button, check box, image or text view classes). Views covering more than 40% of the
screen are layout, not controls, and identical boxes count once.

Usage: android_truth.py SRC OUT"""
import json
import os
import re
import sys

WIDGET = re.compile(r"(Button|CheckBox|ImageView|TextView|EditText|Switch|RadioButton|ToggleButton|Spinner)$")


def main():
    src, out = sys.argv[1], sys.argv[2]
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
        width = max(v["bounds"][1][0] for v in views)
        height = max(v["bounds"][1][1] for v in views)
        boxes, seen = [], set()
        for view in views:
            if not view.get("visible", True):
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
