"""The one-pass ListObjectsV2 parser: objects, folders, metadata, URL-decoding and the continuation token."""

from varlib.store import ObjectInfo
from varlib.store.minio_store import parse_listing

NS = "http://s3.amazonaws.com/doc/2006-03-01/"


def page(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="{NS}">{body}</ListBucketResult>'.encode()


def test_objects_folders_and_token_of_a_truncated_page():
    parsed = parse_listing(page(
        "<Name>models</Name><Prefix>var%2F</Prefix><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>"
        "<NextContinuationToken>tok=</NextContinuationToken>"
        '<Contents><Key>var%2Flatest.json</Key><Size>20</Size><ETag>"abc"</ETag>'
        "<UserMetadata><X-Amz-Meta-Varlib-Card>e30=</X-Amz-Meta-Varlib-Card></UserMetadata></Contents>"
        "<Contents><Key>var%2Fdir%2F</Key><Size>0</Size><ETag>\"d\"</ETag></Contents>"
        "<CommonPrefixes><Prefix>var%2F0_0_1%2F</Prefix></CommonPrefixes>"
        "<CommonPrefixes><Prefix>var%2F_index%2F</Prefix></CommonPrefixes>"))
    assert parsed.objects == [ObjectInfo("var/latest.json", 20, "abc", {"varlib-card": "e30="})]
    assert parsed.folders == ["var/0_0_1/", "var/_index/"]
    assert parsed.token == "tok="


def test_the_last_page_has_no_token_and_plain_keys_stay_as_they_are():
    parsed = parse_listing(page(
        "<IsTruncated>false</IsTruncated><NextContinuationToken>ignored</NextContinuationToken>"
        "<Contents><Key>var/a+b.json</Key><Size>3</Size><ETag>\"e\"</ETag></Contents>"))
    assert parsed.objects == [ObjectInfo("var/a+b.json", 3, "e", None)]
    assert parsed.folders == [] and parsed.token is None
