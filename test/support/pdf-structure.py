# What a PDF claims about its accessibility, and what it is, read with pikepdf (qpdf), an
# implementation independent of the pdf-lib and pdfjs the code and other tests use. Prints one
# JSON object; test/support/pdf-checks.ts compares the claims with the facts.
import json
import re
import sys

import pikepdf

TEXT_OPS = {'Tj', 'TJ', "'", '"'}


def number_tree(node, out):
    """The entries of a number tree (flat /Nums or /Kids), as a dict key -> value."""
    if node is None:
        return out
    nums = node.get('/Nums')
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get('/Kids', []):
        number_tree(kid, out)
    return out


def embedded(font):
    if font.get('/Subtype') == '/Type0':
        font = font.DescendantFonts[0]
    if font.get('/Subtype') == '/Type3':
        return True
    descriptor = font.get('/FontDescriptor')
    return descriptor is not None and any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3'))


def fonts_of(resources, seen, out):
    if resources is None:
        return
    for name, font in (resources.get('/Font') or {}).items():
        key = font.objgen
        if key in seen:
            continue
        seen.add(key)
        if not embedded(font):
            out.add(str(font.get('/BaseFont', name)))
    for _, xobject in (resources.get('/XObject') or {}).items():
        if xobject.get('/Subtype') == '/Form' and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            fonts_of(xobject.get('/Resources'), seen, out)


def unmarked_text(page):
    """Text-showing operators outside any marked-content sequence (content or artifact)."""
    depth = 0
    count = 0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ('BDC', 'BMC'):
            depth += 1
        elif op == 'EMC':
            depth = max(0, depth - 1)
        elif op in TEXT_OPS and depth == 0:
            count += 1
    return count


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    mark_info = root.get('/MarkInfo')
    marked = bool(mark_info.get('/Marked', False)) if mark_info is not None else False
    xmp = bytes(root.Metadata.read_bytes()).decode('utf-8', 'replace') if '/Metadata' in root else ''
    ua = re.search(r'<pdfuaid:part>\s*(\d+)\s*</pdfuaid:part>|pdfuaid:part="(\d+)"', xmp)
    title = re.search(r'<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>', xmp, re.S)
    language = re.search(r'<dc:language>.*?<rdf:li[^>]*>(.*?)</rdf:li>', xmp, re.S)
    tree_root = root.get('/StructTreeRoot')
    parent_tree = number_tree(tree_root.get('/ParentTree'), {}) if tree_root is not None else {}
    pages = []
    fonts = set()
    seen = set()
    for page in pdf.pages:
        obj = page.obj
        annots = [a for a in obj.get('/Annots', []) if a.get('/Subtype') != '/Popup']
        key = obj.get('/StructParents')
        links = [a for a in annots if a.get('/Subtype') == '/Link']
        pages.append({
            'unmarkedText': unmarked_text(page),
            'structParents': key is not None and int(key) in parent_tree,
            'annotations': len(annots),
            'links': len(links),
            'annotationsWithoutStructure': sum(1 for a in annots if '/StructParent' not in a or int(a.StructParent) not in parent_tree),
            'linksWithoutContents': sum(1 for a in links if '/Contents' not in a),
        })
        fonts_of(obj.get('/Resources'), seen, fonts)
    print(json.dumps({
        'marked': marked,
        'structTree': tree_root is not None,
        'pdfua': int(ua.group(1) or ua.group(2)) if ua else None,
        'title': title.group(1) if title else None,
        'language': language.group(1) if language else None,
        'lang': str(root.get('/Lang')) if '/Lang' in root else None,
        'displayDocTitle': bool(root.get('/ViewerPreferences', {}).get('/DisplayDocTitle', False)),
        'nonEmbeddedFonts': sorted(fonts),
        'pages': pages,
    }))


main(sys.argv[1])
