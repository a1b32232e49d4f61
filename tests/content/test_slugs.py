from site_builder.content import slugs


def test_pinyin_slug_from_title():
    assert slugs.from_title("巧设围栏便民出行") == "qiao-she-wei-lan-bian-min-chu-xing"
    assert slugs.from_title("重庆：2022年“吹哨报到”") == "chong-qing-2022-nian-chui-shao-bao-dao"


def test_slug_is_cut_at_a_syllable_within_sixty_characters():
    slug = slugs.from_title("社区议事协商凝心聚力促创城" * 3)
    assert len(slug) <= 60 and slugs.is_valid(slug) and not slug.endswith("-")


def test_colliding_slugs_are_numbered():
    assert slugs.unique("gong-shi", {"gong-shi"}) == "gong-shi-2"
    assert slugs.unique("gong-shi", {"gong-shi", "gong-shi-2"}) == "gong-shi-3"


def test_validity():
    assert slugs.is_valid("biboyuan-weilan-2")
    for bad in ("Biboyuan", "bi_bo", "碧波园", "-a", "a--b", "a" * 61):
        assert not slugs.is_valid(bad)
