"""The saved queries written the straightforward way (one pattern, OPTIONALs, FILTERs), as they
were before they were rewritten for speed (README, "Performance").

tests/test_query.py checks that every rewritten saved query returns the same rows as these on
graphs that exercise the cases the rewrites treat separately. They are too slow on big stores
(seconds at a million triples) but their meaning is plain. ``articles`` counts the mentions and
assertions instead of reading the kg:mentionCount / kg:assertionCount written at build time.
"""

REFERENCE = {
    "summits": """\
SELECT ?country ?summit ?edition ?hostCountry ?hostCity ?startDate ?endDate
WHERE {
  { SELECT ?s (MIN(?label) AS ?summit) WHERE { ?s a kg:Summit ; rdfs:label ?label } GROUP BY ?s }
  OPTIONAL { SELECT ?s (MIN(?ed) AS ?edition) WHERE { ?s a kg:Summit ; kg:edition ?ed } GROUP BY ?s }
  OPTIONAL { SELECT ?s (GROUP_CONCAT(DISTINCT STR(?countryName); separator=", ") AS ?hostCountry)
             WHERE { ?s a kg:Summit ; kg:hostCountry ?c . ?c rdfs:label ?countryName } GROUP BY ?s }
  OPTIONAL { SELECT ?s (GROUP_CONCAT(DISTINCT STR(?cityName); separator=", ") AS ?hostCity)
             WHERE { ?s a kg:Summit ; kg:hostCity ?city . ?city rdfs:label ?cityName } GROUP BY ?s }
  OPTIONAL { SELECT ?s (MIN(?start) AS ?startDate) WHERE { ?s a kg:Summit ; kg:startDate ?start } GROUP BY ?s }
  OPTIONAL { SELECT ?s (MAX(?end) AS ?endDate) WHERE { ?s a kg:Summit ; kg:endDate ?end } GROUP BY ?s }
  FILTER(COALESCE(STR(?country), "") = ""
         || EXISTS { ?s kg:hostCountry ?hc . ?hc rdfs:label ?hcName .
                     OPTIONAL { ?hc kg:iso3 ?hcIso }
                     FILTER(LCASE(STR(?hcName)) = LCASE(STR(?country)) || LCASE(STR(COALESCE(?hcIso, ""))) = LCASE(STR(?country))) })
}
ORDER BY ?startDate ?summit
""",
    "attendees": """\
SELECT ?summit
       (MIN(?summitLabel) AS ?summitName) (MIN(?label) AS ?attendee) (MIN(?className) AS ?class)
WHERE {
  ?s a kg:Summit ; rdfs:label ?summitLabel ; kg:attendee ?a .
  FILTER(COALESCE(STR(?summit), "") = "" || CONTAINS(LCASE(STR(?summitLabel)), LCASE(STR(?summit))))
  ?a rdfs:label ?label .
  OPTIONAL { ?a a ?t . FILTER(STRSTARTS(STR(?t), STR(kg:))) BIND(STRAFTER(STR(?t), "#") AS ?className) }
}
GROUP BY ?summit ?s ?a
ORDER BY ?summitName ?attendee
""",
    "ministers": """\
SELECT ?country
       (MIN(?cl) AS ?countryName) (MIN(?ml) AS ?minister)
       (GROUP_CONCAT(DISTINCT STR(?r); separator="; ") AS ?role)
       (GROUP_CONCAT(DISTINCT STR(?pf); separator="; ") AS ?portfolio)
       (MIN(?imp) AS ?implied)
WHERE {
  ?m a kg:Minister ; rdfs:label ?ml .
  OPTIONAL {
    ?m kg:ministerOf ?c . ?c rdfs:label ?cl . OPTIONAL { ?c kg:iso3 ?iso }
    OPTIONAL { ?ia rdf:subject ?m ; rdf:predicate kg:ministerOf ; rdf:object ?c ; kg:implied true }
    OPTIONAL { ?sa rdf:subject ?m ; rdf:predicate kg:ministerOf ; rdf:object ?c . FILTER NOT EXISTS { ?sa kg:implied true } }
    BIND(BOUND(?ia) && !BOUND(?sa) AS ?imp)
  }
  OPTIONAL { ?m kg:role ?r }
  OPTIONAL { ?m kg:portfolio ?pf }
  FILTER(COALESCE(STR(?country), "") = ""
         || LCASE(STR(?cl)) = LCASE(STR(?country))
         || LCASE(STR(?iso)) = LCASE(STR(?country)))
}
GROUP BY ?country ?m ?c
ORDER BY ?countryName ?minister
""",
    "announcements": """\
SELECT ?agent
       (MIN(?text) AS ?announcement)
       (GROUP_CONCAT(DISTINCT STR(?agentName); separator=", ") AS ?announcedBy)
       (MIN(?d) AS ?date)
       (GROUP_CONCAT(DISTINCT STR(?placeName); separator=", ") AS ?place)
       (GROUP_CONCAT(DISTINCT STR(?aboutName); separator=", ") AS ?about)
       (GROUP_CONCAT(DISTINCT STR(?duringName); separator=", ") AS ?during)
WHERE {
  ?a a kg:Announcement .
  OPTIONAL { ?a kg:summary ?summary }
  OPTIONAL { ?a rdfs:label ?label }
  BIND(COALESCE(?summary, ?label) AS ?text)
  OPTIONAL { ?a kg:announcedBy ?by . ?by rdfs:label ?agentName }
  OPTIONAL { ?a kg:date ?d }
  OPTIONAL { ?a kg:hostCity ?p . ?p rdfs:label ?placeName }
  OPTIONAL { ?a kg:about ?ab . ?ab rdfs:label ?aboutName }
  OPTIONAL { ?a kg:during ?du . ?du rdfs:label ?duringName }
  FILTER(COALESCE(STR(?agent), "") = "" || CONTAINS(LCASE(STR(?agentName)), LCASE(STR(?agent))))
}
GROUP BY ?agent ?a
ORDER BY ?date ?announcement
""",
    "entity": """\
SELECT ?name (?node AS ?entity) ?direction ?property ?value (MIN(?vl) AS ?valueName)
WHERE {
  ?node rdfs:label|skos:altLabel ?n .
  FILTER(LCASE(STR(?n)) = LCASE(STR(?name)))
  {
    ?node ?property ?value .
    BIND("out" AS ?direction)
  } UNION {
    ?value ?property ?node .
    FILTER(?property NOT IN (kg:mentionOf, rdf:subject, rdf:object))
    BIND("in" AS ?direction)
  }
  OPTIONAL { ?value rdfs:label ?vl }
}
GROUP BY ?name ?node ?direction ?property ?value
ORDER BY ?node DESC(?direction) ?property ?value
""",
    "evidence": """\
SELECT ?predicate ?subject ?article
       (MIN(?sl) AS ?subjectName) ?relation (MIN(?ol) AS ?objectName)
       ?articleId ?issued ?sentence ?start ?end ?confidence
WHERE {
  ?a rdf:predicate ?predicate ; a kg:Assertion ; rdf:subject ?s ; rdf:object ?o ; prov:wasDerivedFrom ?art ;
     kg:sentence ?sentence ; kg:startOffset ?start ; kg:endOffset ?end ; kg:confidence ?confidence .
  ?art dcterms:identifier ?article .
  OPTIONAL { ?art dcterms:issued ?issued }
  OPTIONAL { ?s rdfs:label ?sLabel }
  BIND(COALESCE(?sLabel, STR(?s)) AS ?sl)
  FILTER(COALESCE(STR(?subject), "") = "" || CONTAINS(LCASE(?sl), LCASE(STR(?subject))))
  OPTIONAL { ?o rdfs:label ?oLabel }
  BIND(COALESCE(?oLabel, STR(?o)) AS ?ol)
  BIND(?predicate AS ?relation)
  BIND(?article AS ?articleId)
}
GROUP BY ?predicate ?subject ?article ?a ?relation ?articleId ?issued ?sentence ?start ?end ?confidence
ORDER BY ?articleId ?start ?end ?relation ?objectName ?subjectName
""",
    "most-mentioned": """\
SELECT ?type (MIN(?label) AS ?entity) (MIN(?className) AS ?class)
       (COUNT(DISTINCT ?m) AS ?mentions) (COUNT(DISTINCT ?art) AS ?articles)
WHERE {
  ?e a ?type .
  FILTER(STRSTARTS(STR(?type), STR(kg:)))
  ?m kg:mentionOf ?e ; prov:wasDerivedFrom ?art .
  ?e rdfs:label ?label .
  BIND(STRAFTER(STR(?type), "#") AS ?className)
}
GROUP BY ?type ?e
ORDER BY DESC(?mentions) DESC(?articles) ?entity
LIMIT 50
""",
    "articles": """\
SELECT ?article ?articleId ?issued ?title
       (COALESCE(?nm, 0) AS ?mentions) (COALESCE(?na, 0) AS ?assertions)
WHERE {
  ?art dcterms:identifier ?article ; a kg:Article .
  BIND(?article AS ?articleId)
  OPTIONAL { ?art dcterms:issued ?issued }
  OPTIONAL { ?art dcterms:title ?title }
  OPTIONAL { SELECT ?art (COUNT(?m) AS ?nm) WHERE { ?m a kg:Mention ; prov:wasDerivedFrom ?art } GROUP BY ?art }
  OPTIONAL { SELECT ?art (COUNT(?x) AS ?na) WHERE { ?x a kg:Assertion ; prov:wasDerivedFrom ?art } GROUP BY ?art }
}
ORDER BY ?issued ?articleId
""",
}
