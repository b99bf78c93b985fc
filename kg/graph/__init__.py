"""The knowledge graph: vocabulary, building fact triples, the store, read-back views."""
