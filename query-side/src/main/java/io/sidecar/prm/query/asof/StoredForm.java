package io.sidecar.prm.query.asof;

import io.sidecar.prm.query.partner.PartnerView;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A partner view as the read model would hold it: written to BSON and read back in memory, through the same
 * mapping and codecs as the {@code partners} collection. The live answer went through that storage, which keeps
 * instants to the millisecond (BSON dates); without this an as-of answer would show the clock's microseconds where
 * the live one showed milliseconds.
 */
@Component
class StoredForm {

    private final MongoTemplate mongo;

    StoredForm(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    PartnerView of(PartnerView view) {
        Document written = new Document();
        mongo.getConverter().write(view, written);
        Codec<Document> codec = mongo.getDb().getCodecRegistry().get(Document.class);
        BsonDocument stored = new BsonDocument();
        codec.encode(
                new BsonDocumentWriter(stored),
                written,
                EncoderContext.builder().build());
        Document read = codec.decode(
                new BsonDocumentReader(stored), DecoderContext.builder().build());
        return mongo.getConverter().read(PartnerView.class, read);
    }
}
