"""Server-rendered web pages for analysts: documents with highlighted spans, events, actors,
dyads, the actor network and the map. Readable without JavaScript; scripts only draw charts."""
