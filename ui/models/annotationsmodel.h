#pragma once

#include <QAbstractTableModel>
#include <QMap>
#include <QString>

namespace ocular {

/// Key/value rows of annotations, each labelled with where it comes from.
class AnnotationsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SourceColumn,
        KeyColumn,
        ValueColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void clear();
    /// Appends one source's annotations in a batch.
    void addAnnotations(const QString &source, const QMap<QString, QString> &annotations);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString source;
        QString key;
        QString value;
    };
    QList<Row> m_rows;
};

} // namespace ocular
